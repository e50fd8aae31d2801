package no.ipshub.connectors.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reading a request's body on the HTTP edge without ever holding more than the edge takes. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body, or null when it is longer than {@code limit}; a declared length over the limit is not read at all. */
    public static byte[] readAtMost(HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = in.readNBytes((int) limit + 1);
            return buffer.length > limit ? null : Arrays.copyOf(buffer, buffer.length);
        }
    }
}
