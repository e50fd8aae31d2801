package no.ipshub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hub started the way the README starts it ({@code hub/run}, without its class archive: {@code java @hub/jvm.options
 * -jar hub/target/ips-hub.jar} with {@code MALLOC_ARENA_MAX=2}; embedded broker,
 * registry and database), in its own working directory and on free ports, so its memory is measured as
 * a user would see it.
 */
final class HubProcess implements AutoCloseable {

    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern NMT_CATEGORY =
            Pattern.compile("(?m)^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");

    private final Process process;
    private final int httpPort;
    private final int kafkaPort;
    private final Duration startUp;

    private HubProcess(Process process, int httpPort, int kafkaPort, Duration startUp) {
        this.process = process;
        this.httpPort = httpPort;
        this.kafkaPort = kafkaPort;
        this.startUp = startUp;
    }

    /**
     * Starts the hub with the README's command: {@code java @hub/jvm.options -jar hub/target/ips-hub.jar} with
     * {@code MALLOC_ARENA_MAX=2}, plus
     * {@code extraJavaOptions} (a profiler, for instance) and the free ports.
     */
    static HubProcess start(Path hubJar, Path jvmOptions, List<String> extraJavaOptions, Path workDir)
            throws IOException, InterruptedException {
        return start(hubJar, jvmOptions, extraJavaOptions, workDir, List.of());
    }

    /** As above, with {@code arguments} for the hub (another database, for instance). */
    static HubProcess start(Path hubJar, Path jvmOptions, List<String> extraJavaOptions, Path workDir,
            List<String> arguments) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        int httpPort = freePort();
        int kafkaPort = freePort();
        int controllerPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Files.isRegularFile(jvmOptions)) {
            command.add("@" + jvmOptions.toAbsolutePath());
        }
        command.addAll(extraJavaOptions);
        command.addAll(List.of(
                "-jar", hubJar.toAbsolutePath().toString(),
                "--server.port=" + httpPort,
                "--hub.kafka.embedded.port=" + kafkaPort,
                "--hub.kafka.embedded.controller-port=" + controllerPort,
                // the benchmark measures the hub's capacity, not a partner's request quota
                "--hub.http.rate-limit.enabled=false"));
        command.addAll(arguments);
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command);
        // as hub/run and the Dockerfile do: two glibc malloc arenas instead of one per busy thread
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process process = builder
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("hub.log").toFile())
                .start();
        HubProcess hub = new HubProcess(process, httpPort, kafkaPort, Duration.ZERO);
        hub.awaitHealthy(Duration.ofSeconds(180));
        return new HubProcess(process, httpPort, kafkaPort, Duration.ofNanos(System.nanoTime() - started));
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + "; see hub.log");
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("the hub was not healthy within " + timeout);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    Duration startUp() {
        return startUp;
    }

    /** Resident set size now, in MiB, from /proc (Linux). */
    double residentMiB() {
        return procStatusKb("VmRSS:") / 1024.0;
    }

    private long procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The JVM's own account of its memory by category (committed MiB, largest first), from {@code jcmd
     * VM.native_memory summary}; empty when the hub runs without {@code -XX:NativeMemoryTracking} or this JDK
     * has no jcmd.
     */
    Map<String, Double> nativeMemoryMiB() throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Map<String, Double> categories = new LinkedHashMap<>();
        if (!Files.isExecutable(jcmd)) {
            return categories;
        }
        try {
            Process call = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "VM.native_memory", "summary")
                    .redirectErrorStream(true).start();
            String answer = new String(call.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            call.waitFor(30, TimeUnit.SECONDS);
            List<Map.Entry<String, Double>> found = new ArrayList<>();
            Matcher total = NMT_TOTAL.matcher(answer);
            if (total.find()) {
                categories.put("Total", Long.parseLong(total.group(1)) / 1024.0);
            }
            Matcher category = NMT_CATEGORY.matcher(answer);
            while (category.find()) {
                found.add(Map.entry(category.group(1).strip(), Long.parseLong(category.group(2)) / 1024.0));
            }
            found.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            found.forEach(e -> categories.put(e.getKey(), e.getValue()));
        } catch (IOException e) {
            return categories;
        }
        return categories;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the hub drains its routes and stops the broker last
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
