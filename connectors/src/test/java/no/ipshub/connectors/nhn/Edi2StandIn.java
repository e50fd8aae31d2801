package no.ipshub.connectors.nhn;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Norsk helsenett's EDI 2.0 API (version 2, as its published OpenAPI description gives it)
 * and for HelseID's token endpoint, on a JDK HTTP server on 127.0.0.1. It keeps messages in memory: incoming ones
 * the test puts there for a receiver's HER-id ({@code GET /Messages}, {@code GET /Messages/{id}/business-document},
 * {@code PUT /Messages/{id}/read/{herId}}, {@code POST /Messages/{id}/apprec/{herId}}), and the ones the hub posts
 * ({@code POST /Messages}, checked against the published schemas as the real API checks them), answered by
 * {@code GET /Messages/{id}/apprec} with the receipt the test chose. Every API call must carry a token it issued
 * for a client assertion signed with the client's key, {@code api-version: 2} and {@code nhn-source-system}. Posts
 * can be made to fail with a 5xx or to answer too late.
 */
final class Edi2StandIn implements AutoCloseable {

    static final String CLIENT_ID = "ips-hub-test-client";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ID = Pattern.compile("/Messages/([0-9a-f-]{36})(/.*)?");

    /** A message in the API: an incoming one for the hub, or one the hub posted. */
    record Stored(String id, long receiverHerId, long senderHerId, boolean isAppRec, byte[] document) {
    }

    /** A receipt the hub sent for an incoming message. */
    record SentReceipt(String messageId, long senderHerId, String status, List<String> errorCodes) {
    }

    private final HttpServer server;
    private final RSAKey clientKey;
    private final NhnXml xml = new NhnXml();
    private final Map<String, Stored> incoming = new ConcurrentHashMap<>();
    private final Map<String, Boolean> read = new ConcurrentHashMap<>();
    private final Map<String, Stored> posted = new ConcurrentHashMap<>();
    private final List<SentReceipt> receiptsFromHub = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> receiptsForPosted = new ConcurrentHashMap<>();
    private final Map<String, String> defaultReceipts = new ConcurrentHashMap<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger failingPosts = new AtomicInteger();
    private final AtomicInteger slowPosts = new AtomicInteger();
    private final AtomicInteger postAttempts = new AtomicInteger();
    private final AtomicInteger refusedCalls = new AtomicInteger();
    private volatile Duration slowness = Duration.ZERO;

    Edi2StandIn() {
        try {
            clientKey = new RSAKeyGenerator(2048).keyID("ips-hub-test").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/connect/token", this::token);
        server.createContext("/Messages", this::messages);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String tokenEndpoint() {
        return baseUrl() + "/connect/token";
    }

    /** The client's private key as a JWK, for {@code hub.nhn.helse-id.private-key-file}. */
    String clientKeyJson() {
        return clientKey.toJSONString();
    }

    /** Puts an incoming message for the receiver; returns its API id. */
    String deliver(long receiverHerId, long senderHerId, boolean isAppRec, byte[] document) {
        String id = UUID.randomUUID().toString();
        incoming.put(id, new Stored(id, receiverHerId, senderHerId, isAppRec, document));
        return id;
    }

    boolean isRead(String id) {
        return read.containsKey(id);
    }

    List<SentReceipt> receiptsFromHub() {
        return List.copyOf(receiptsFromHub);
    }

    /** The envelopes the hub posted, by MsgId as their business document names it. */
    Optional<Stored> postedWithMsgId(String msgId) {
        return posted.values().stream()
                .filter(s -> new String(s.document(), StandardCharsets.UTF_8).contains("<MsgId>" + msgId + "</MsgId>"))
                .findFirst();
    }

    /**
     * The receipt the receiver gives the message the hub posts with this MsgId: Ok, Rejected with a code, or None
     * (no receipt through {@code GET /Messages/{id}/apprec}: it comes as a message of its own, if at all).
     */
    void receiptFor(String msgId, String status, String errorCode) {
        defaultReceipts.put(msgId, status + (errorCode == null ? "" : ":" + errorCode));
    }

    void failNextPosts(int count) {
        failingPosts.set(count);
    }

    void answerNextPostsAfter(int count, Duration delay) {
        slowness = delay;
        slowPosts.set(count);
    }

    int postAttempts() {
        return postAttempts.get();
    }

    int refusedCalls() {
        return refusedCalls.get();
    }

    int tokensIssued() {
        return tokens.size();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
            boolean valid = "client_credentials".equals(form.get("grant_type"))
                    && CLIENT_ID.equals(form.get("client_id"))
                    && assertion.verify(new RSASSAVerifier(clientKey.toRSAPublicKey()))
                    && CLIENT_ID.equals(assertion.getJWTClaimsSet().getIssuer())
                    && CLIENT_ID.equals(assertion.getJWTClaimsSet().getSubject())
                    && assertion.getJWTClaimsSet().getAudience().contains(tokenEndpoint())
                    && assertion.getJWTClaimsSet().getExpirationTime().after(new Date());
            if (!valid) {
                respond(exchange, 400, "{\"error\":\"invalid_client\"}");
                return;
            }
        } catch (Exception e) {
            respond(exchange, 400, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        respond(exchange, 200, JSON.writeValueAsString(Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", 3600)));
    }

    private void messages(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
            refusedCalls.incrementAndGet();
            respond(exchange, 401, "{\"error\":\"no valid token\",\"requestId\":\"x\"}");
            return;
        }
        if (!"2".equals(exchange.getRequestHeaders().getFirst("api-version"))
                || exchange.getRequestHeaders().getFirst("nhn-source-system") == null) {
            refusedCalls.incrementAndGet();
            respond(exchange, 400, "{\"error\":\"api-version and nhn-source-system are required\",\"requestId\":\"x\"}");
            return;
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Matcher matcher = ID.matcher(path);
        if ("POST".equals(method) && "/Messages".equals(path)) {
            post(exchange);
        } else if ("GET".equals(method) && "/Messages".equals(path)) {
            list(exchange);
        } else if (matcher.matches() && "GET".equals(method) && "/business-document".equals(matcher.group(2))) {
            Stored message = incoming.get(matcher.group(1));
            if (message == null) {
                respond(exchange, 404, "{\"error\":\"Could not find database document\",\"requestId\":\"x\"}");
                return;
            }
            respond(exchange, 200, JSON.writeValueAsString(Map.of("businessDocument",
                    Base64.getEncoder().encodeToString(message.document()), "contentType", "application/xml",
                    "contentTransferEncoding", "base64")));
        } else if (matcher.matches() && "PUT".equals(method) && matcher.group(2) != null
                && matcher.group(2).startsWith("/read/")) {
            read.put(matcher.group(1), true);
            respond(exchange, 204, null);
        } else if (matcher.matches() && "POST".equals(method) && matcher.group(2) != null
                && matcher.group(2).startsWith("/apprec/")) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            List<String> codes = new ArrayList<>();
            if (body.has("appRecErrorList")) {
                body.get("appRecErrorList").forEach(e -> codes.add(e.get("errorCode").asString()));
            }
            receiptsFromHub.add(new SentReceipt(matcher.group(1), Long.parseLong(matcher.group(2).substring(8)),
                    body.get("appRecStatus").asString(), codes));
            respond(exchange, 201, "\"" + UUID.randomUUID() + "\"");
        } else if (matcher.matches() && "GET".equals(method) && "/apprec".equals(matcher.group(2))) {
            Stored message = posted.get(matcher.group(1));
            if (message == null) {
                respond(exchange, 404, "{\"error\":\"Could not find database document\",\"requestId\":\"x\"}");
                return;
            }
            Map<String, Object> info = receiptsForPosted.getOrDefault(message.id(),
                    receiptInfo(message.receiverHerId(), null, null));
            respond(exchange, 200, JSON.writeValueAsString(List.of(info)));
        } else {
            respond(exchange, 404, "{\"error\":\"no such endpoint\",\"requestId\":\"x\"}");
        }
    }

    private void post(HttpExchange exchange) throws IOException {
        postAttempts.incrementAndGet();
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (failingPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, 503, "{\"error\":\"An unknown error occurred\",\"requestId\":\"x\"}");
            return;
        }
        if (slowPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
                // a server that answers too late: nothing counts this latch down
                new CountDownLatch(1).await(slowness.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] document = Base64.getDecoder().decode(body.get("businessDocument").asString());
        DialogueEnvelope envelope;
        try {
            envelope = new DialogueEnvelopeReader(xml).read(document);
        } catch (EnvelopeRefusedException e) {
            respond(exchange, 400, JSON.writeValueAsString(Map.of("error", "Model validation error occurred",
                    "errorCode", 1000, "validationErrors", List.of(e.getMessage()), "requestId", "x")));
            return;
        }
        String id = UUID.randomUUID().toString();
        long receiver = envelope.receiver().communicationParty();
        posted.put(id, new Stored(id, receiver, envelope.sender().communicationParty(), false, document));
        String receipt = defaultReceipts.getOrDefault(envelope.msgId(), "Ok");
        String[] parts = receipt.split(":");
        receiptsForPosted.put(id, receiptInfo(receiver, parts[0].equals("None") ? null : parts[0],
                parts.length > 1 ? parts[1] : null));
        respond(exchange, 201, "\"" + id + "\"");
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        long receiver = Long.parseLong(query.get("ReceiverHerIds"));
        int count = Integer.parseInt(query.getOrDefault("MessagesToFetch", "10"));
        List<Map<String, Object>> unread = new ArrayList<>();
        for (Stored m : incoming.values()) {
            if (m.receiverHerId() == receiver && !read.containsKey(m.id()) && unread.size() < count) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", m.id());
                entry.put("receiverHerId", m.receiverHerId());
                entry.put("senderHerId", m.senderHerId());
                entry.put("isAppRec", m.isAppRec());
                unread.add(entry);
            }
        }
        respond(exchange, 200, JSON.writeValueAsString(unread));
    }

    private static Map<String, Object> receiptInfo(long receiverHerId, String status, String errorCode) {
        Map<String, Object> info = new HashMap<>();
        info.put("receiverHerId", receiverHerId);
        info.put("appRecStatus", status);
        info.put("appRecErrorList", errorCode == null ? null
                : List.of(Map.of("errorCode", errorCode, "details", "Mottaker finnes ikke")));
        return info;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
