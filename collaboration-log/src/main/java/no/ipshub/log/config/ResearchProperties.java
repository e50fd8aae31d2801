package no.ipshub.log.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The research project the collaboration log serves ({@code hub.research.*}): its id and secret key, the
 * small-cell threshold of exports and the research API's paging.
 *
 * @param enabled              false switches the whole log off: no consumer, no research API
 * @param project              id of the research project, e.g. {@code ipsnor}; part of every entry
 * @param key                  the project's secret key, as {@code base64:...}, {@code hex:...} or plain text;
 *                             prefer {@code keyFile} so the key never sits in a configuration file
 * @param keyFile              a file holding the key: its bytes, or {@code base64:...} / {@code hex:...} text
 * @param generateKeyIfMissing create {@code keyFile} with 32 random bytes when it does not exist (demo set-ups)
 * @param minCellSize          aggregates from fewer participants than this are blanked in exports and indicators
 * @param defaultPageSize      entries per page when the caller does not say
 * @param maxPageSize          the largest page the research API hands out
 * @param pendingRetention     how long an event whose case's referral has not been seen yet is kept waiting
 * @param sessionMaxAge        how long the research page's sign-in cookie lives
 */
@ConfigurationProperties("hub.research")
public record ResearchProperties(
        @DefaultValue("true") boolean enabled,
        String project,
        String key,
        String keyFile,
        @DefaultValue("false") boolean generateKeyIfMissing,
        @DefaultValue("5") int minCellSize,
        @DefaultValue("100") int defaultPageSize,
        @DefaultValue("10000") int maxPageSize,
        @DefaultValue("30d") Duration pendingRetention,
        @DefaultValue("8h") Duration sessionMaxAge) {

    public ResearchProperties {
        if (minCellSize < 1) {
            throw new IllegalArgumentException("hub.research.min-cell-size must be at least 1, was " + minCellSize);
        }
    }

    /** The key stays out of logs and error pages, whatever prints this record. */
    @Override
    public String toString() {
        return "ResearchProperties[enabled=" + enabled + ", project=" + project
                + ", key=" + (key == null ? "unset" : "<redacted>") + ", keyFile=" + keyFile
                + ", minCellSize=" + minCellSize + "]";
    }
}
