package no.ipshub.connectors.http;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's report of an error no servlet answered (a request its HTTP parser refused, such as a header block over
 * the server's own limit) as {@code application/problem+json} instead of an HTML page: no stack trace, no server
 * version, nothing of the request. A header Tomcat refused for its size or number is answered 431.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = isHeaderRefusal(code, throwable) ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpStatus.resolve(code);
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        try {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                // the request's URI is not named: it may be what the parser could not read
                writer.write(Problems.json(status, "about:blank", detail(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written: nothing more to tell it
        }
    }

    /** Tomcat's own words for a refused header block (its messages, never the request's content). */
    private static boolean isHeaderRefusal(int code, Throwable throwable) {
        return code == HttpStatus.BAD_REQUEST.value() && throwable != null && throwable.getMessage() != null
                && throwable.getMessage().toLowerCase(Locale.ROOT).contains("header");
    }

    private static String detail(HttpStatus status) {
        return status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                ? "The request's headers are larger or more than the server reads."
                : "The server could not take this request.";
    }
}
