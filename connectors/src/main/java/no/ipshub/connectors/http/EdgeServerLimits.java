package no.ipshub.connectors.http;

import org.apache.catalina.core.StandardHost;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Tomcat's own limits set above the edge's, so that {@link RequestSizeLimitFilter} answers an oversized header
 * block (431 problem) before Tomcat's parser would refuse it: twice {@code hub.http.max-header-bytes} and
 * {@code max-header-count}, or {@code server.max-http-request-header-size} when that is larger. What Tomcat still
 * refuses is reported by {@link ProblemErrorReportValve}, as a problem rather than an HTML page. Runs after Spring
 * Boot's own customizer, which applies the {@code server.*} settings first.
 */
public final class EdgeServerLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    /** How far Tomcat's limits lie above the edge's. */
    static final int SERVER_HEADROOM = 2;

    private final HttpEdgeProperties limits;

    public EdgeServerLimits(HttpEdgeProperties limits) {
        this.limits = limits;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        int headerBytes = (int) Math.min(Integer.MAX_VALUE, limits.maxHeaderBytes().toBytes() * SERVER_HEADROOM);
        int headerCount = limits.maxHeaderCount() * SERVER_HEADROOM;
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxHttpRequestHeaderSize(Math.max(http.getMaxHttpRequestHeaderSize(), headerBytes));
            }
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxHeaderCount(Math.max(protocol.getMaxHeaderCount(), headerCount));
            }
        });
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
