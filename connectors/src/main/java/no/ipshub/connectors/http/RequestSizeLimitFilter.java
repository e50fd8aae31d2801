package no.ipshub.connectors.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: a header block over {@code hub.http.max-header-bytes} or
 * {@code max-header-count} gets 431, a body over {@code hub.http.max-body-bytes} 413, both as
 * {@code application/problem+json} before anything else reads the request. A body without a
 * {@code Content-Length} (chunked) is read here up to one byte past the limit, so no later reader can be made
 * to take more; a form without a length is left to Tomcat's own form limit.
 */
public final class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestSizeLimitFilter.class);
    /** The colon, space and line end around each header line. */
    private static final int HEADER_LINE_OVERHEAD = 4;

    private final long maxHeaderBytes;
    private final int maxHeaderCount;
    private final long maxBodyBytes;

    public RequestSizeLimitFilter(HttpEdgeProperties limits) {
        this.maxHeaderBytes = limits.maxHeaderBytes().toBytes();
        this.maxHeaderCount = limits.maxHeaderCount();
        this.maxBodyBytes = limits.maxBodyBytes().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HeaderBlock headers = HeaderBlock.of(request);
        if (headers.count() > maxHeaderCount || headers.bytes() > maxHeaderBytes) {
            log.debug("Refused a request of {} header lines in {} bytes with 431", headers.count(), headers.bytes());
            Problems.write(response, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, request.getRequestURI(),
                    "The request's headers are over the hub's limits: at most " + maxHeaderCount + " lines and "
                            + maxHeaderBytes + " bytes (hub.http.max-header-count, hub.http.max-header-bytes).");
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            tooLarge(request, response);
            return;
        }
        if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null && !isForm(request)) {
            byte[] body;
            try (InputStream in = request.getInputStream()) {
                body = in.readNBytes((int) maxBodyBytes + 1);
            }
            if (body.length > maxBodyBytes) {
                tooLarge(request, response);
                return;
            }
            request = new ReadBody(request, body);
        }
        chain.doFilter(request, response);
    }

    /**
     * Forms are read by Tomcat itself when a parameter is asked for, past any wrapper: a form without a length is
     * left to Tomcat's own limit ({@code server.tomcat.max-http-form-post-size}).
     */
    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
                || type.regionMatches(true, 0, "multipart/", 0, 10));
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.debug("Refused a request body over {} bytes with 413", maxBodyBytes);
        Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, request.getRequestURI(),
                "The body is larger than " + maxBodyBytes + " bytes (hub.http.max-body-bytes).");
    }

    /** The size of a request's header block as it came: the request line and one line per header value. */
    record HeaderBlock(int count, long bytes) {

        static HeaderBlock of(HttpServletRequest request) {
            String query = request.getQueryString();
            long bytes = request.getMethod().length() + 1L + request.getRequestURI().length()
                    + (query == null ? 0 : query.length() + 1L) + 1L + request.getProtocol().length() + 2L;
            int count = 0;
            Enumeration<String> names = request.getHeaderNames();
            while (names != null && names.hasMoreElements()) {
                String name = names.nextElement();
                for (String value : Collections.list(request.getHeaders(name))) {
                    count++;
                    bytes += name.length() + (long) value.length() + HEADER_LINE_OVERHEAD;
                }
            }
            return new HeaderBlock(count, bytes);
        }
    }

    /** The request with the body this filter already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was already read; no asynchronous reading");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
