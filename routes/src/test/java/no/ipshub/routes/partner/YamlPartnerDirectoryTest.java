package no.ipshub.routes.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class YamlPartnerDirectoryTest {

    @Test
    void partnersFileOnTheClassPathIsRead() {
        YamlPartnerDirectory directory = new YamlPartnerDirectory(new DefaultResourceLoader(), "classpath:partners-it.yml");

        assertThat(directory.find("nav-tromso")).hasValueSatisfying(p -> assertThat(p.displayName()).isEqualTo("NAV Tromsø"));
    }

    @Test
    void missingPartnersFileStopsStartUpNamingTheFileAndTheSetting() {
        assertThatThrownBy(() -> new YamlPartnerDirectory(new DefaultResourceLoader(), "file:./no-such-partners.yml"))
                .isInstanceOf(PartnersFileException.class)
                .hasMessageContaining("file:./no-such-partners.yml (hub.partners-file) does not exist");
    }

    @Test
    void unknownPartnerIsNotFound() {
        YamlPartnerDirectory directory = new YamlPartnerDirectory(new DefaultResourceLoader(), "classpath:partners-it.yml");

        assertThat(directory.find("nav-atlantis")).isEmpty();
    }
}
