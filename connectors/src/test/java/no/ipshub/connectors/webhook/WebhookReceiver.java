package no.ipshub.connectors.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook endpoint on this machine (the JDK's own HTTP server): verifies every request's signature
 * as the connectors README tells partners to (401 when it does not verify), answers the statuses it was told to
 * in turn and then its default, and records what arrived.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and what it was answered. */
    record Received(String messageId, String timestamp, String signature, byte[] body, boolean signatureValid,
            int answered, Instant at) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> planned = new ConcurrentLinkedQueue<>();
    private volatile int defaultStatus = 200;
    private volatile String secret = "";

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The secret the hub handed out at registration. */
    void secret(String secret) {
        this.secret = secret;
    }

    /** Answers these statuses to the next requests, one each, then the default. */
    void thenAnswer(int... statuses) {
        for (int status : statuses) {
            planned.add(status);
        }
    }

    void answerByDefault(int status) {
        this.defaultStatus = status;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFor(String messageId) {
        return received.stream().filter(r -> messageId.equals(r.messageId())).toList();
    }

    /** The verification from the README: HMAC-SHA256 over "timestamp.body", compared in constant time, fresh. */
    static boolean verify(String secret, String timestamp, byte[] body, String signatureHeader) {
        if (timestamp == null || signatureHeader == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            boolean fresh = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 300;
            return fresh && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signatureHeader.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | NumberFormatException e) {
            return false;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String messageId = exchange.getRequestHeaders().getFirst("X-Hub-Message-Id");
        String timestamp = exchange.getRequestHeaders().getFirst("X-Hub-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature");
        boolean valid = "POST".equals(exchange.getRequestMethod()) && verify(secret, timestamp, body, signature);
        Integer next = planned.poll();
        int status = !valid ? 401 : next != null ? next : defaultStatus;
        received.add(new Received(messageId, timestamp, signature, body, valid, status, Instant.now()));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
