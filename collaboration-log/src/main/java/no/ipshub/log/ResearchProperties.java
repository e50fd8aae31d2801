package no.ipshub.log;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The collaboration log's settings ({@code hub.research.*}): the default research project (its code, secret key,
 * threshold and researchers), the key that seals the keys of projects added at run time, the research API's
 * paging and the bound on disclosure checks.
 *
 * @param enabled              false switches the whole log off: no consumer, no research API
 * @param project              code of the default research project, e.g. {@code ipsnor}; part of every entry
 * @param key                  the default project's secret key, as {@code base64:...}, {@code hex:...} or plain text;
 *                             prefer {@code keyFile} so the key never sits in a configuration file
 * @param keyFile              a file holding the key: its bytes, or {@code base64:...} / {@code hex:...} text
 * @param generateKeyIfMissing create {@code keyFile} (and {@code projectSealKeyFile}) with 32 random bytes when it does
 *                             not exist (demo set-ups)
 * @param minCellSize          the default project's threshold: aggregates from fewer participants are blanked
 * @param defaultPageSize      entries per page when the caller does not say
 * @param maxPageSize          the largest page the research API hands out
 * @param pendingRetention     how long an event whose case's referral has not been seen yet is kept waiting
 * @param sessionMaxAge        how long the research page's sign-in cookie lives
 * @param researchers          the accounts that may read the default project's rows; not set: every researcher
 *                             account (the behaviour before projects)
 * @param projectSealKey       the key that seals the keys of projects added at run time, like {@code key}
 * @param projectSealKeyFile   a file holding it, like {@code keyFile}; without either, projects cannot be added
 * @param maxDisclosureSteps   the work one statistic's disclosure check may take; a check that would take longer blanks
 *                             the values it could not clear
 * @param logMaxPollRecords    the largest batch the collaboration-log route reads at once; larger than the other
 *                             routes' ({@code hub.routes.consumer.max-poll-records}) because its cost is mostly per
 *                             batch (one database transaction of a fixed number of statements, one wait for the log
 *                             topic's acknowledgements)
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
        @DefaultValue("8h") Duration sessionMaxAge,
        List<String> researchers,
        String projectSealKey,
        String projectSealKeyFile,
        @DefaultValue("50000000") long maxDisclosureSteps,
        @DefaultValue("5000") int logMaxPollRecords) {

    @ConstructorBinding
    public ResearchProperties {
        if (minCellSize < 1) {
            throw new IllegalArgumentException("hub.research.min-cell-size must be at least 1, was " + minCellSize);
        }
        if (maxDisclosureSteps < 1) {
            throw new IllegalArgumentException("hub.research.max-disclosure-steps must be at least 1");
        }
        if (logMaxPollRecords < 1) {
            throw new IllegalArgumentException("hub.research.log-max-poll-records must be at least 1, was "
                    + logMaxPollRecords);
        }
        researchers = researchers == null ? null : List.copyOf(researchers);
    }

    /** The settings without researchers, a seal key or a disclosure bound of their own (tests). */
    public ResearchProperties(boolean enabled, String project, String key, String keyFile, boolean generateKeyIfMissing,
            int minCellSize, int defaultPageSize, int maxPageSize, Duration pendingRetention, Duration sessionMaxAge) {
        this(enabled, project, key, keyFile, generateKeyIfMissing, minCellSize, defaultPageSize, maxPageSize,
                pendingRetention, sessionMaxAge, null, null, null, 50_000_000L, 5000);
    }

    /** True when a key to seal run-time projects' keys is configured. */
    public boolean hasProjectSealKey() {
        return (projectSealKey != null && !projectSealKey.isBlank())
                || (projectSealKeyFile != null && !projectSealKeyFile.isBlank());
    }

    /** The keys stay out of logs and error pages, whatever prints this record. */
    @Override
    public String toString() {
        return "ResearchProperties[enabled=" + enabled + ", project=" + project
                + ", key=" + (key == null ? "unset" : "<redacted>") + ", keyFile=" + keyFile
                + ", projectSealKey=" + (projectSealKey == null ? "unset" : "<redacted>")
                + ", projectSealKeyFile=" + projectSealKeyFile + ", minCellSize=" + minCellSize
                + ", researchers=" + researchers + "]";
    }
}
