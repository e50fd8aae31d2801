package no.ipshub.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class RequestSizeLimitFilterTest {

    private static final HttpEdgeProperties LIMITS = new HttpEdgeProperties(DataSize.ofKilobytes(256),
            DataSize.ofKilobytes(16), 100, 100, 5);

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(LIMITS);
    private final Random random = new Random(431L);

    /** The request the chain was handed, or null when the filter answered itself. */
    private final AtomicReference<ServletRequest> passed = new AtomicReference<>();

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest req, jakarta.servlet.ServletResponse res) {
                passed.set(req);
            }
        });
        return response;
    }

    private static MockHttpServletRequest get() {
        return new MockHttpServletRequest("GET", "/api/v1/inbox");
    }

    /* Random header sets around both limits: refused exactly when over one of them, as the hub counts them. */
    @Test
    void aHeaderBlockIsRefusedWith431ExactlyWhenItIsOverALimit() throws Exception {
        for (int sample = 0; sample < 300; sample++) {
            MockHttpServletRequest request = get();
            int lines = 1 + random.nextInt(130);
            int valueLength = random.nextInt(300);
            for (int i = 0; i < lines; i++) {
                request.addHeader("X-H" + i, "v".repeat(valueLength));
            }
            RequestSizeLimitFilter.HeaderBlock block = RequestSizeLimitFilter.HeaderBlock.of(request);
            boolean over = block.count() > LIMITS.maxHeaderCount() || block.bytes() > LIMITS.maxHeaderBytes().toBytes();
            passed.set(null);

            MockHttpServletResponse response = run(request);

            assertThat(response.getStatus()).as("%d lines of %d", lines, valueLength).isEqualTo(over ? 431 : 200);
            assertThat(passed.get() == null).isEqualTo(over);
        }
    }

    @Test
    void theHeaderBlockCountsEveryValueOfARepeatedHeader() {
        MockHttpServletRequest request = get();
        request.addHeader("X-Repeated", "a");
        request.addHeader("X-Repeated", "b");

        assertThat(RequestSizeLimitFilter.HeaderBlock.of(request).count()).isEqualTo(2);
    }

    @Test
    void theRefusalIsAProblemNamingTheLimitsNotTheHeaders() throws Exception {
        MockHttpServletRequest request = get();
        request.addHeader("Authorization", "Bearer secret-" + "k".repeat(20 * 1024));

        MockHttpServletResponse response = run(request);

        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("431", "hub.http.max-header-bytes").doesNotContain("secret");
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413Unread() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/registry/subjects/s");
        request.setContent(new byte[300 * 1024]);

        MockHttpServletResponse response = run(request);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(passed.get()).isNull();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        MockHttpServletRequest request = chunked("application/json", new byte[300 * 1024]);

        assertThat(run(request).getStatus()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsHandedOnWhole() throws Exception {
        byte[] body = new byte[200 * 1024];
        random.nextBytes(body);

        run(chunked("application/json", body));

        assertThat(passed.get().getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(passed.get().getContentLengthLong()).isEqualTo(body.length);
    }

    @Test
    void aChunkedFormIsLeftToTomcatsFormLimit() throws Exception {
        MockHttpServletRequest request = chunked("application/x-www-form-urlencoded",
                "apiKey=k".getBytes(StandardCharsets.US_ASCII));

        run(request);

        assertThat(passed.get()).isSameAs(request);
    }

    private static MockHttpServletRequest chunked(String contentType, byte[] body) throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/messages") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(body);
        request.setContentType(contentType);
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }
}
