package no.ipshub.partners;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the partners file is: {@code hub.partners-file}, a Spring resource location such as
 * {@code file:./partners.yml} or {@code classpath:partners-demo.yml}.
 *
 * @param partnersFile the location of the partners YAML
 */
@ConfigurationProperties("hub")
public record PartnersProperties(@DefaultValue("classpath:partners.yml") String partnersFile) {
}
