package no.ipshub.log.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/*
 * The loader scripts are checked by the tools that Debian packages: R parses load.R (r-base-core; the arrow package
 * it loads is not in Debian, so the script is parsed, not run), and PSPP, GNU's SPSS, runs load.sps on a CSV file of
 * each export. No Stata is to be had, so load.do is not checked here. Skipped where the tool is not installed.
 */
class LoaderScriptsTest {

    @TempDir
    Path dir;

    @Test
    void rScriptParses() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/Rscript")), "Rscript is not installed (apt-get install r-base-core)");
        Path script = dir.resolve("load.R");
        Files.writeString(script, LoaderScripts.r(Codebook.CURRENT));

        Result r = run("/usr/bin/Rscript", "-e", "invisible(parse(file = '" + script + "')); cat('parsed')");

        assertThat(List.of(r.exit(), r.output().contains("parsed"))).as(r.output()).containsExactly(0, true);
    }

    @Test
    void spssScriptLoadsEveryExportInPspp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pspp")), "PSPP is not installed (apt-get install pspp)");
        for (Codebook.Dataset d : Codebook.CURRENT.datasets()) {
            Files.writeString(dir.resolve(d.name() + ".csv"), csv(d), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("load.sps"), LoaderScripts.spss(Codebook.CURRENT)
                + "DATASET ACTIVATE entries.\nLIST VARIABLES=eventKind eventKind_c hourlyWage eventDate.\n");

        Result r = run("/usr/bin/pspp", "-O", "format=txt", "-o", dir.resolve("out.txt").toString(), "load.sps");
        String listed = Files.readString(dir.resolve("out.txt"));

        assertThat(List.of(r.exit(), r.output().toLowerCase().contains("error"), listed.contains("JOB_STARTED")))
                .as(r.output() + listed).containsExactly(0, false, true);
    }

    /** A header and one row of plausible values for the export. */
    private static String csv(Codebook.Dataset d) {
        List<String> header = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (Codebook.Column c : d.columns()) {
            header.add(c.name());
            row.add(switch (c.type()) {
                case "date" -> "2025-03-03";
                case "timestamp" -> "2025-03-03T09:15:02Z";
                case "integer" -> "3";
                case "double" -> "0.625";
                case "boolean" -> "true";
                default -> c.type().startsWith("decimal") ? "215.50"
                        : c.values().isEmpty() ? "text" : c.name().equals("eventKind") ? "JOB_STARTED" : c.values().get(0).value();
            });
        }
        return String.join(",", header) + "\n" + String.join(",", row) + "\n";
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        return new Result(done ? p.exitValue() : -1, output);
    }
}
