package no.ipshub.hub.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub as its own JVM process, started from the fat jar the way the README starts it, in a working
 * directory of the test's choosing (so {@code ./data} is that directory's), on fixed ports so that a restart
 * comes back where partners expect it. Its console goes to {@code hub-<n>.log} in the working directory. Extra
 * arguments point it at an external broker and database, for tests with several instances.
 */
final class HubProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubProcess.class);
    private static final Path JAR = Path.of("target", "ips-hub.jar");

    private final Path workDir;
    private final int httpPort;
    private final int kafkaPort;
    private final int controllerPort;
    private final List<String> arguments;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private int starts;

    HubProcess(Path workDir) {
        this(workDir, List.of());
    }

    HubProcess(Path workDir, List<String> arguments) {
        this.workDir = workDir;
        this.httpPort = ReliabilitySupport.freePort();
        this.kafkaPort = ReliabilitySupport.freePort();
        this.controllerPort = ReliabilitySupport.freePort();
        this.arguments = List.copyOf(arguments);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** Starts the jar and waits until the hub reports itself ready. */
    HubProcess start(Duration timeout) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the fault tests run after `mvn package`");
        }
        starts++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + httpPort,
                "--hub.kafka.embedded.port=" + kafkaPort,
                "--hub.kafka.embedded.controller-port=" + controllerPort));
        command.addAll(ReliabilitySupport.COMMON_ARGUMENTS);
        command.addAll(arguments);
        Path logFile = workDir.resolve("hub-" + starts + ".log");
        long begun = System.nanoTime();
        try {
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        try {
            Awaitility.await("hub process " + starts + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .until(this::ready);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the hub did not become ready; its log ends with:\n" + tail(logFile), e);
        }
        log.info("Hub process {} (pid {}) ready on {} after {} ms", starts, process.pid(), baseUrl(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun));
        return this;
    }

    /** Kills the process with SIGKILL (what {@code destroyForcibly} sends on Linux) and waits until it is gone. */
    void kill() {
        long pid = process.pid();
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the hub process " + pid + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        log.info("Hub process {} (pid {}) killed, exit value {}", starts, pid, process.exitValue());
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the hub process exited with " + process.exitValue());
        }
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
