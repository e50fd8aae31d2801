package no.ipshub.hub.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The hub started as the README's set-up starts it ({@code hub/run}: {@code java @hub/jvm.options -jar
 * hub/target/ips-hub.jar} with {@code MALLOC_ARENA_MAX=2}, all
 * on its embedded defaults) in a fresh working directory, so its {@code ./data} is new. Only its ports differ, free
 * ones instead of 8080, 9092 and 9093, so that it never meets another hub on the machine.
 */
final class ReadmeHub implements AutoCloseable {

    private static final Path JAR = Path.of("target", "ips-hub.jar");
    private static final Path JVM_OPTIONS = Path.of("jvm.options");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final int httpPort;
    private final Path logFile;
    private final Process process;

    private ReadmeHub(int httpPort, Path logFile, Process process) {
        this.httpPort = httpPort;
        this.logFile = logFile;
        this.process = process;
    }

    /** Starts the jar in {@code workDir} and waits until the hub is ready. */
    static ReadmeHub start(Path workDir, Duration timeout) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: this test runs after `mvn package`");
        }
        int httpPort = freePort();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + JVM_OPTIONS.toAbsolutePath(),
                "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + httpPort,
                "--hub.kafka.embedded.port=" + freePort(),
                "--hub.kafka.embedded.controller-port=" + freePort());
        Path logFile = workDir.resolve("hub.log");
        Process process;
        try {
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            process = builder.directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        ReadmeHub hub = new ReadmeHub(httpPort, logFile, process);
        try {
            Awaitility.await("the hub ready").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(hub::ready);
        } catch (RuntimeException e) {
            hub.close();
            throw new IllegalStateException("the hub did not become ready; its log ends with:\n" + hub.logTail(), e);
        }
        return hub;
    }

    int httpPort() {
        return httpPort;
    }

    /** The last lines of the hub's console, for a failure's message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the hub exited with " + process.exitValue());
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
