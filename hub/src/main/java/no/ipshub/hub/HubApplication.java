package no.ipshub.hub;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.connectors.security.ApiKeyHasher;
import no.ipshub.hub.startup.StartupReport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The IPS Collaboration Hub: one process with routes, partner edges, registry and operations.
 *
 * <p>Besides Spring's own arguments it understands {@code --demo} (start the demo traffic simulator),
 * {@code --hash-api-key[=<key>]} (print the hash of a key for the partners file or the account settings,
 * reading the key from the console when none is given) and {@code --generate-api-key} (make a new random key
 * and print it with its hash). The last two print and exit without starting the hub.
 */
@SpringBootApplication(scanBasePackages = "no.ipshub")
@ConfigurationPropertiesScan("no.ipshub")
public class HubApplication {

    static final String DEMO_FLAG = "--demo";
    static final String HASH_FLAG = "--hash-api-key";
    static final String GENERATE_FLAG = "--generate-api-key";

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            if (arg.equals(GENERATE_FLAG)) {
                ApiKeyHasher.main(new String[] {"--generate"});
                return;
            }
            if (arg.equals(HASH_FLAG)) {
                ApiKeyHasher.main(new String[0]);
                return;
            }
            if (arg.startsWith(HASH_FLAG + "=")) {
                ApiKeyHasher.main(new String[] {arg.substring(HASH_FLAG.length() + 1)});
                return;
            }
        }
        SpringApplication application = new SpringApplication(HubApplication.class);
        // records each bean's creation for the start-up line of StartupReport
        application.setApplicationStartup(new BufferingApplicationStartup(StartupReport.TIMELINE_CAPACITY));
        application.run(springArguments(args));
    }

    /** The arguments for Spring, with {@code --demo} spelled as the property it stands for. */
    public static String[] springArguments(String[] args) {
        List<String> result = new ArrayList<>();
        for (String arg : args) {
            result.add(arg.equals(DEMO_FLAG) ? "--hub.demo.enabled=true" : arg);
        }
        return result.toArray(String[]::new);
    }
}
