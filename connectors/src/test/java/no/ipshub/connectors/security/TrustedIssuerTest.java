package no.ipshub.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustedIssuerTest {

    @Test
    void aDottedPathReachesIntoMaskinportensConsumerObject() {
        Map<String, Object> claims = Map.of("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:983974724"));

        assertThat(TrustedIssuer.claim(claims, "consumer.ID")).isEqualTo("0192:983974724");
    }

    @Test
    void aClaimWhoseNameHasDotsIsFoundByThatName() {
        Map<String, Object> claims = Map.of("https://claims.example.no/orgnr", "983974724");

        assertThat(TrustedIssuer.claim(claims, "https://claims.example.no/orgnr")).isEqualTo("983974724");
    }

    @Test
    void aMissingStepOfAPathIsNoClaim() {
        assertThat(TrustedIssuer.claim(Map.of("consumer", "not an object"), "consumer.ID")).isNull();
    }

    @Test
    void onlyValuesShapedLikeAJwtAreTakenForAccessTokens() {
        assertThat(AccessTokenAuthenticator.looksLikeJwt("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.")).isTrue();
        assertThat(AccessTokenAuthenticator.looksLikeJwt("demo-key-haukeland-tsb")).isFalse();
        assertThat(AccessTokenAuthenticator.looksLikeJwt("a.b.c.d")).isFalse();
    }
}
