package no.ipshub.hub.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.ipshub.hub.docs.DocsPage.Expectation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation's commands as a reader runs them: every fenced bash block of the pages below, unchanged and in
 * order, in one bash against one fresh hub started as the README's set-up starts it; each {@code # HTTP nnn}
 * comment must be the status the command before it really gets, and every block must succeed.
 *
 * <p>Covered pages, in this order: docs/walk-through.md, docs/research.md, docs/partners-at-run-time.md,
 * docs/norsk-helsenett.md, docs/security.md. A block that runs the jar itself (another hub, the key tools) is not
 * run. The other pages' commands need what the embedded hub does not have (Docker, a production cluster, a Kafka
 * client) or start a hub of their own.
 *
 * <p>The commands run where a reader runs them, in the repository's root: a scratch directory holding links to the
 * root's folders, so that the files the commands write (review.csv, fidelity.parquet, ...) land there.
 *
 * <p>The commands are curl commands. The bash that runs them finds a small {@code curl} first on its PATH, which
 * calls the real curl with the same arguments, sends what is addressed to localhost:8080 to the hub under test, and
 * writes each answer's status to a side file; the body passes through as the reader would see it.
 */
class DocsCommandsIT {

    private static final List<String> PAGES = List.of("walk-through.md", "research.md", "partners-at-run-time.md",
            "norsk-helsenett.md", "security.md");
    private static final String CHECK = "docs_check";

    @TempDir
    Path work;

    @Test
    void everyCommandOfTheWalkThroughPagesRunsAsWrittenAndGetsTheStatusItsPageStates() throws Exception {
        Path realCurl = curlOnPath();
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path docs = root.resolve("docs");
        List<DocsPage> pages = PAGES.stream().map(page -> DocsPage.read(docs.resolve(page))).toList();
        List<Expectation> expectations = pages.stream().flatMap(page -> page.expectations().stream()).toList();
        assertThat(expectations).as("the pages' # HTTP comments").isNotEmpty();

        try (ReadmeHub hub = ReadmeHub.start(work.resolve("hub"), Duration.ofMinutes(3))) {
            Path statuses = work.resolve("statuses");
            Path results = work.resolve("results");
            Files.createFile(statuses);
            Files.createFile(results);
            Path bin = Files.createDirectories(work.resolve("bin"));
            writeExecutable(bin.resolve("curl"), CURL_WRAPPER);
            Path script = work.resolve("commands.sh");
            Files.writeString(script, PRELUDE + String.join("", pages.stream().map(page -> page.script(CHECK)).toList()));
            Path readerDir = repositoryRootLinks(root, work.resolve("reader"));

            ProcessBuilder bash = new ProcessBuilder("bash", "--noprofile", "--norc", script.toString())
                    .directory(readerDir.toFile()).redirectErrorStream(true);
            Map<String, String> env = bash.environment();
            env.put("PATH", bin + File.pathSeparator + env.getOrDefault("PATH", ""));
            env.put("DOCS_REAL_CURL", realCurl.toString());
            env.put("DOCS_HUB_PORT", Integer.toString(hub.httpPort()));
            env.put("DOCS_STATUS_FILE", statuses.toString());
            env.put("DOCS_RESULTS_FILE", results.toString());
            Process process = bash.start();
            // read through a pipe: a command that tees to /dev/stderr would truncate a file in its place
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("the commands did not finish within 5 minutes; their output:\n" + output.get());
            }
            String shown = output.get(30, TimeUnit.SECONDS);

            Map<String, String> actual = new HashMap<>();
            for (String line : Files.readAllLines(results)) {
                String[] fields = line.split(" ");
                actual.put(fields[0] + ":" + fields[1], fields[3]);
            }
            List<String> mismatches = new ArrayList<>();
            for (Expectation expectation : expectations) {
                String got = actual.get(expectation.where());
                if (!Integer.toString(expectation.status()).equals(got)) {
                    mismatches.add(expectation.where() + " states HTTP " + expectation.status() + ", the command "
                            + (got == null ? "was not reached" : got.equals("none") ? "got no answer" : "got " + got));
                }
            }
            assertThat(mismatches).as("statuses against the pages; the commands' output:\n%s\nthe hub's log ends with:\n%s",
                    shown, hub.logTail()).isEmpty();
            assertThat(process.exitValue()).as("the commands' exit status; their output:\n%s", shown).isZero();
        }
    }

    private static final String PRELUDE = """
            set -e -o pipefail
            %s() {
              status=$(tail -n 1 "$DOCS_STATUS_FILE")
              echo "$1 $2 $3 ${status:-none}" >> "$DOCS_RESULTS_FILE"
              : > "$DOCS_STATUS_FILE"
            }
            """.formatted(CHECK);

    private static final String CURL_WRAPPER = """
            #!/bin/sh
            # The real curl, sent to the hub under test, with each answer's status appended to a side file.
            headers=$(mktemp) || exit 1
            "$DOCS_REAL_CURL" --connect-to "localhost:8080:127.0.0.1:$DOCS_HUB_PORT" -D "$headers" "$@"
            code=$?
            sed -n 's/^HTTP\\/[0-9.]* \\([0-9][0-9][0-9]\\).*/\\1/p' "$headers" | tail -n 1 >> "$DOCS_STATUS_FILE"
            rm -f "$headers"
            exit $code
            """;

    /** The curl a reader would run; CI has one, and a machine without it cannot check the pages. */
    private static Path curlOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "curl")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("curl is not installed (not on PATH: " + path + "): the"
                        + " documentation's commands are curl commands, so this test cannot run them; install curl"));
    }

    /** A directory that reads like the repository's root, with links to its folders, and takes new files. */
    private static Path repositoryRootLinks(Path root, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.filter(Files::isDirectory).toList()) {
                Files.createSymbolicLink(dir.resolve(entry.getFileName()), entry);
            }
        }
        return dir;
    }

    private static void writeExecutable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
