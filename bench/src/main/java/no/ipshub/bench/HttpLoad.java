package no.ipshub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;

/**
 * HTTP load on {@code POST /api/v1/messages}: concurrent clients, each sending whole cases in order (a
 * follow-up is only valid after its referral), optionally paced to a fixed overall rate.
 */
final class HttpLoad {

    record Result(int accepted, int failed, double seconds, LatencyRecorder latencies) {
        double acceptedPerSecond() {
            return accepted / seconds;
        }
    }

    /** Told, with the message id and {@link System#nanoTime()}, when a message is sent and when the hub answered 202. */
    interface AcceptListener {
        void sending(String messageId, long nanoTime);

        void accepted(String messageId, long nanoTime);
    }

    private final String baseUrl;
    private final MessageFactory messages;
    private final HubMessageJson json = new HubMessageJson();
    private final HttpClient http;
    private final Map<Integer, AtomicInteger> failuresByStatus = new ConcurrentHashMap<>();

    HttpLoad(String baseUrl, MessageFactory messages, int clients) {
        this.baseUrl = baseUrl;
        this.messages = messages;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(clients, daemon -> {
                    // daemon threads: the client is never closed, and must not keep the benchmark alive
                    Thread thread = new Thread(daemon, "http-client");
                    thread.setDaemon(true);
                    return thread;
                }))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Sends {@code total} messages with {@code clients} concurrent clients, starting at message number
     * {@code firstSequence}; with {@code ratePerSecond} > 0 the sends are paced to that overall rate.
     */
    Result run(int clients, long firstSequence, int total, double ratePerSecond, AcceptListener listener)
            throws Exception {
        LatencyRecorder latencies = new LatencyRecorder();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong nextSlot = new AtomicLong();
        int cases = total / MessageFactory.MESSAGES_PER_CASE;
        long firstCase = firstSequence / MessageFactory.MESSAGES_PER_CASE;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int first = client;
            workers.add(pool.submit(() -> {
                for (long caseIndex = first; caseIndex < cases; caseIndex += clients) {
                    for (int step = 0; step < MessageFactory.MESSAGES_PER_CASE; step++) {
                        if (ratePerSecond > 0) {
                            long slot = nextSlot.getAndIncrement();
                            long due = started + (long) (slot * 1e9 / ratePerSecond);
                            LockSupport.parkNanos(due - System.nanoTime());
                        }
                        HubMessage message = messages.message(
                                (firstCase + caseIndex) * MessageFactory.MESSAGES_PER_CASE + step);
                        String apiKey = messages.teamOf(firstCase + caseIndex).apiKey();
                        if (send(message, apiKey, latencies, listener)) {
                            accepted.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return new Result(accepted.get(), failed.get(), seconds, latencies);
    }

    private boolean send(HubMessage message, String apiKey, LatencyRecorder latencies, AcceptListener listener) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/messages"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json.toJson(message)))
                .build();
        long sent = System.nanoTime();
        if (listener != null) {
            listener.sending(message.getMessageId(), sent);
        }
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long answered = System.nanoTime();
            latencies.record(answered - sent);
            if (response.statusCode() == 202) {
                if (listener != null) {
                    listener.accepted(message.getMessageId(), answered);
                }
                return true;
            }
            failuresByStatus.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            return false;
        } catch (Exception e) {
            failuresByStatus.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
            return false;
        }
    }

    /** Non-202 answers by HTTP status (-1 for transport errors), for the report. */
    Map<Integer, AtomicInteger> failuresByStatus() {
        return failuresByStatus;
    }
}
