package no.ipshub.partners;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the partner directory follows the database ({@code hub.partners.*}).
 *
 * @param refresh how often every instance reads the partner table again; a partner added, changed, suspended or
 *                removed on one instance is seen by all of them within this time
 */
@ConfigurationProperties("hub.partners")
public record PartnerDirectoryProperties(@DefaultValue("5s") Duration refresh) {

    public PartnerDirectoryProperties {
        if (refresh == null || refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("hub.partners.refresh must be a positive duration, was " + refresh);
        }
    }
}
