package no.ipshub.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class YamlPartnerDirectoryTest {

    private static YamlPartnerDirectory directory(String location) {
        return new YamlPartnerDirectory(new DefaultResourceLoader(), new PartnersProperties(location));
    }

    @Test
    void partnersFileOnTheClassPathIsRead() {
        assertThat(directory("classpath:partners-it.yml").find("nav-tromso"))
                .hasValueSatisfying(p -> assertThat(p.displayName()).isEqualTo("NAV Tromsø"));
    }

    @Test
    void missingPartnersFileStopsStartUpNamingTheFileAndTheSetting() {
        assertThatThrownBy(() -> directory("file:./no-such-partners.yml"))
                .isInstanceOf(PartnersFileException.class)
                .hasMessageContaining("file:./no-such-partners.yml (hub.partners-file) does not exist");
    }

    @Test
    void unknownPartnerIsNotFound() {
        assertThat(directory("classpath:partners-it.yml").find("nav-atlantis")).isEmpty();
    }
}
