package no.ipshub.connectors.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.ipshub.connectors.security.ApiKeyHasher;
import no.ipshub.connectors.security.HubSecurityConfiguration;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.schemas.v1.Sector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/*
 * The edge's limits through the real security chain and filters (MockMvc, no broker, no database): a burst of
 * 3 and 1 request per second per caller, 3 unknown keys per address, 1 derivation at a time with a 100 ms wait.
 * Buckets live as long as the application, so each test uses callers and addresses of its own.
 */
@WebMvcTest
class RateLimitHttpTest {

    static final int PARTNERS = 6;
    static final List<String> KEYS = new ArrayList<>();
    static final List<Partner> ALL = new ArrayList<>();
    static final String OPERATOR_KEY = "rate-limit-operator-key";

    static {
        for (int i = 0; i < PARTNERS; i++) {
            String key = "rate-limit-partner-key-" + i;
            KEYS.add(key);
            ALL.add(new Partner("partner-" + i, "Partner " + i, i % 2 == 0 ? Sector.HEALTH : Sector.NAV,
                    "98397489" + i, List.of(ApiKeyHasher.hash(key))));
        }
    }

    /** Counts lookups of the partner list (one per key verification) and can hold one inside it. */
    static final class CountingDirectory implements PartnerDirectory {
        final AtomicInteger lookUps = new AtomicInteger();
        volatile CountDownLatch entered;
        volatile CountDownLatch release;

        @Override
        public Optional<Partner> find(String partnerId) {
            return ALL.stream().filter(p -> p.id().equals(partnerId)).findFirst();
        }

        @Override
        public List<Partner> all() {
            lookUps.incrementAndGet();
            CountDownLatch hold = release;
            if (hold != null) {
                entered.countDown();
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ALL;
        }
    }

    @SpringBootConfiguration
    @Import({HubSecurityConfiguration.class, RateLimitConfiguration.class, Endpoints.class})
    static class Config {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        CountingDirectory partnerDirectory() {
            return new CountingDirectory();
        }
    }

    @RestController
    static class Endpoints {

        @RequestMapping({"/api/v1/inbox", "/api/v1/ops/**", "/actuator/health"})
        String ok() {
            return "ok";
        }
    }

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("hub.http.rate-limit.requests-per-second", () -> "1");
        registry.add("hub.http.rate-limit.burst", () -> "3");
        registry.add("hub.http.rate-limit.failed-auth.max-failures", () -> "3");
        registry.add("hub.http.rate-limit.derivations.max-concurrent", () -> "1");
        registry.add("hub.http.rate-limit.derivations.max-wait", () -> "100ms");
        registry.add("hub.security.accounts[0].name", () -> "ops");
        registry.add("hub.security.accounts[0].role", () -> "OPERATOR");
        registry.add("hub.security.accounts[0].api-key-hashes[0]", () -> ApiKeyHasher.hash(OPERATOR_KEY));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    CountingDirectory directory;

    @AfterEach
    void releaseHeldLookups() {
        CountDownLatch hold = directory.release;
        directory.release = null;
        if (hold != null) {
            hold.countDown();
        }
    }

    static MockHttpServletRequestBuilder call(String path, String key, String address) {
        MockHttpServletRequestBuilder request = get(path).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        return key == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
    }

    private void inboxTimes(int times, String key, String address) throws Exception {
        for (int i = 0; i < times; i++) {
            mvc.perform(call("/api/v1/inbox", key, address)).andExpect(status().isOk());
        }
    }

    @Test
    void aPartnerOverItsBurstGets429ProblemWithRetryAfter() throws Exception {
        inboxTimes(3, KEYS.get(0), "198.51.100.1");

        MvcResult refused = mvc.perform(call("/api/v1/inbox", KEYS.get(0), "198.51.100.1"))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(429))
            .andExpect(jsonPath("$.instance").value("/api/v1/inbox"))
            .andReturn();
        assertThat(refused.getResponse().getContentAsString()).doesNotContain(KEYS.get(0), "198.51.100.1", "partner-0");
    }

    @Test
    void oneBusyPartnerDoesNotSlowAnother() throws Exception {
        inboxTimes(3, KEYS.get(1), "198.51.100.2");
        mvc.perform(call("/api/v1/inbox", KEYS.get(1), "198.51.100.2")).andExpect(status().isTooManyRequests());

        mvc.perform(call("/api/v1/inbox", KEYS.get(2), "198.51.100.2")).andExpect(status().isOk());
    }

    @Test
    void anOperatorAccountIsLimitedToo() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(call("/api/v1/ops/routes", OPERATOR_KEY, "198.51.100.3")).andExpect(status().isOk());
        }

        mvc.perform(call("/api/v1/ops/routes", OPERATOR_KEY, "198.51.100.3")).andExpect(status().isTooManyRequests());
    }

    @Test
    void requestsWithoutACallerAreNotCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(call("/actuator/health", null, "198.51.100.4")).andExpect(status().isOk());
        }
    }

    /* Three unknown keys from one address are answered 401 after their (expensive) verification; the fourth is
       refused with 429 before the partner list is even looked at, so no PBKDF2 derivation runs for it. */
    @Test
    void anAddressFloodingUnknownKeysIsRefusedBeforeAnyDerivation() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(call("/api/v1/inbox", "flood-key-" + i, "203.0.113.10")).andExpect(status().isUnauthorized());
        }
        int lookUpsBefore = directory.lookUps.get();

        MvcResult refused = mvc.perform(call("/api/v1/inbox", "flood-key-3", "203.0.113.10"))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andReturn();
        assertThat(directory.lookUps.get()).isEqualTo(lookUpsBefore);
        assertThat(refused.getResponse().getContentAsString()).doesNotContain("flood-key-3", "203.0.113.10");
    }

    @Test
    void aPartnerWhoseKeyWorkedBeforeIsServedFromAFloodingAddress() throws Exception {
        mvc.perform(call("/api/v1/inbox", KEYS.get(3), "203.0.113.11")).andExpect(status().isOk());
        for (int i = 0; i < 3; i++) {
            mvc.perform(call("/api/v1/inbox", "nat-flood-key-" + i, "203.0.113.11")).andExpect(status().isUnauthorized());
        }

        mvc.perform(call("/api/v1/inbox", KEYS.get(3), "203.0.113.11")).andExpect(status().isOk());
    }

    /* One verification of a new key is held inside the lookup, taking the only derivation slot: a second new
       key waits 100 ms and gets 503 with Retry-After, while a key verified before is served at once. */
    @Test
    void newKeysBeyondTheDerivationCapGet503WhileKnownKeysAreServed() throws Exception {
        mvc.perform(call("/api/v1/inbox", KEYS.get(4), "198.51.100.5")).andExpect(status().isOk());
        directory.entered = new CountDownLatch(1);
        directory.release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<MvcResult> held = pool.submit(() -> mvc.perform(call("/api/v1/inbox", "held-new-key", "198.51.100.6"))
                    .andReturn());
            assertThat(directory.entered.await(10, TimeUnit.SECONDS)).isTrue();
            CountDownLatch release = directory.release;
            directory.release = null;

            mvc.perform(call("/api/v1/inbox", "second-new-key", "198.51.100.7"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(call("/api/v1/inbox", KEYS.get(4), "198.51.100.5")).andExpect(status().isOk());

            release.countDown();
            assertThat(held.get(10, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(401);
        } finally {
            pool.shutdownNow();
        }
    }
}
