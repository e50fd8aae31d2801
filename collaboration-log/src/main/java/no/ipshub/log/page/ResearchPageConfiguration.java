package no.ipshub.log.page;

import no.ipshub.web.signin.BrowserSignIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the research page's browser sign-in ({@link ResearchSignIn}); the web module's
 * {@link no.ipshub.web.PageWebConfiguration} registers its cookie filter, its open sign-in form and assets, and its
 * static files under {@code /research/assets/} and {@code /research/webjars/}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ResearchPageConfiguration {

    @Bean
    BrowserSignIn researchSignIn() {
        return ResearchSignIn.SIGN_IN;
    }
}
