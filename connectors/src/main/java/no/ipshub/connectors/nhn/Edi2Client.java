package no.ipshub.connectors.nhn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls the hub makes to Norsk helsenett's EDI 2.0 REST API ("meldingstjener", API version 2), as its
 * published OpenAPI description gives them: {@code POST /Messages}, {@code GET /Messages},
 * {@code GET /Messages/{id}/business-document}, {@code PUT /Messages/{id}/read/{herId}},
 * {@code GET /Messages/{id}/apprec} and {@code POST /Messages/{id}/apprec/{herId}}. Each call carries a HelseID
 * access token when one is configured, {@code api-version: 2} and {@code nhn-source-system}. Answers are read up to
 * {@link #MAX_ANSWER_BYTES}.
 */
public class Edi2Client {

    /** The largest answer read; the API's own request limit is 35 MB. */
    static final int MAX_ANSWER_BYTES = 36 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String baseUrl;
    private final NhnProperties.Edi edi;
    private final Supplier<Optional<String>> accessToken;

    public Edi2Client(NhnProperties.Edi edi, Supplier<Optional<String>> accessToken) {
        this.edi = edi;
        this.baseUrl = edi.baseUrl() == null ? "" : edi.baseUrl().replaceAll("/+$", "");
        this.accessToken = accessToken;
        this.http = HttpClient.newBuilder().connectTimeout(edi.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One message waiting for the hub, as {@code GET /Messages} lists it. */
    public record IncomingMessage(String id, Long receiverHerId, Long senderHerId, boolean isAppRec) {
    }

    /** The receipt of a sent message for one receiver; status null while none came. */
    public record ReceiptInfo(long receiverHerId, AppRec.Status status, List<ReceiptError> errors) {
    }

    /** Posts an envelope; returns the API's id of the message. */
    public String post(byte[] envelope) {
        String body = JSON.writeValueAsString(Map.of("businessDocument", Base64.getEncoder().encodeToString(envelope),
                "contentType", "application/xml", "contentTransferEncoding", "base64"));
        String answer = call("POST", "/Messages", body, 201);
        JsonNode id = JSON.readTree(answer);
        return id.isString() ? id.asString() : answer.strip().replace("\"", "");
    }

    /** The receipts of a sent message, one per receiver. */
    public List<ReceiptInfo> receipts(String messageId) {
        JsonNode list = JSON.readTree(call("GET", "/Messages/" + segment(messageId) + "/apprec", null, 200));
        List<ReceiptInfo> receipts = new ArrayList<>();
        for (JsonNode info : list) {
            JsonNode status = info.get("appRecStatus");
            List<ReceiptError> errors = new ArrayList<>();
            JsonNode errorList = info.get("appRecErrorList");
            if (errorList != null && errorList.isArray()) {
                for (JsonNode e : errorList) {
                    String code = text(e.get("errorCode"));
                    String details = text(e.get("details"));
                    AppRecError known = codeOf(code);
                    String text = details == null || details.isBlank() ? known.text() : details.strip();
                    // a code the hub does not know is kept in the text of the X99 it becomes
                    errors.add(new ReceiptError(known, known.name().equals(code) ? text : code + " " + text));
                }
            }
            receipts.add(new ReceiptInfo(info.get("receiverHerId").asLong(), status == null || status.isNull() ? null
                    : statusOf(status.asString()), errors));
        }
        return receipts;
    }

    /** Unread messages for the HER-id, at most {@code count}, oldest first. */
    public List<IncomingMessage> unread(long receiverHerId, int count) {
        JsonNode list = JSON.readTree(call("GET", "/Messages?ReceiverHerIds=" + receiverHerId + "&IncludeMetadata=true"
                + "&MessagesToFetch=" + count + "&OrderBy=Ascending", null, 200));
        List<IncomingMessage> messages = new ArrayList<>();
        for (JsonNode m : list) {
            messages.add(new IncomingMessage(text(m.get("id")), longOrNull(m.get("receiverHerId")),
                    longOrNull(m.get("senderHerId")), m.has("isAppRec") && m.get("isAppRec").asBoolean(false)));
        }
        return messages;
    }

    /** A message's business document (the envelope), decoded; empty when it is larger than {@code maxBytes}. */
    public Optional<byte[]> document(String messageId, long maxBytes) {
        JsonNode answer = JSON.readTree(call("GET", "/Messages/" + segment(messageId) + "/business-document", null, 200));
        String encoded = text(answer.get("businessDocument"));
        if (encoded == null || encoded.length() > maxBytes / 3 * 4 + 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            return Optional.of(new byte[0]);
        }
    }

    /** Sends the receipt of a received message, from the hub's HER-id. */
    public void sendReceipt(String messageId, long hubHerId, AppRec receipt) {
        List<Map<String, String>> errors = receipt.errors().stream()
                .map(e -> Map.of("errorCode", e.code().name(), "details", e.detail())).toList();
        String status = switch (receipt.status()) {
            case OK -> "Ok";
            case AVVIST -> "Rejected";
            case OK_FEIL_I_DELMELDING -> "OkErrorInMessagePart";
        };
        String body = errors.isEmpty() ? JSON.writeValueAsString(Map.of("appRecStatus", status))
                : JSON.writeValueAsString(Map.of("appRecStatus", status, "appRecErrorList", errors));
        call("POST", "/Messages/" + segment(messageId) + "/apprec/" + hubHerId, body, 201);
    }

    /** Marks a received message read, so that it is not listed again. */
    public void markRead(String messageId, long herId) {
        call("PUT", "/Messages/" + segment(messageId) + "/read/" + herId, null, 204);
    }

    private String call(String method, String path, String jsonBody, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(edi.requestTimeout())
                .header("api-version", "2")
                .header("nhn-source-system", edi.sourceSystem())
                .header("Accept", "application/json");
        accessToken.get().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Edi2Exception(method + " " + pathOnly(path) + ": " + e.getClass().getSimpleName(), null, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Edi2Exception(method + " " + pathOnly(path) + " was interrupted", null, true, e);
        }
        int status = response.statusCode();
        if (status != expected && (status < 200 || status > 299)) {
            boolean transientFailure = status >= 500 || status == 429 || status == 408;
            throw new Edi2Exception(method + " " + pathOnly(path) + " answered HTTP " + status, status, transientFailure,
                    null);
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        if (body.length > MAX_ANSWER_BYTES) {
            throw new Edi2Exception(method + " " + pathOnly(path) + " answered more than " + MAX_ANSWER_BYTES + " bytes",
                    status, false, null);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String segment(String id) {
        if (id == null || !id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new Edi2Exception("the API gave a message id that is not a GUID", null, false, null);
        }
        return id;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Long longOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asLong();
    }

    private static AppRec.Status statusOf(String value) {
        return switch (value) {
            case "Ok", "1" -> AppRec.Status.OK;
            case "OkErrorInMessagePart", "3" -> AppRec.Status.OK_FEIL_I_DELMELDING;
            default -> AppRec.Status.AVVIST;
        };
    }

    private static AppRecError codeOf(String code) {
        for (AppRecError c : AppRecError.values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        return AppRecError.X99;
    }
}
