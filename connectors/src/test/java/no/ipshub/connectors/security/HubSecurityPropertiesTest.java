package no.ipshub.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class HubSecurityPropertiesTest {

    private static final String HASH = ApiKeyHasher.hash("operator-key");

    @Test
    void anAccountCannotHaveThePartnerRole() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new HubSecurityProperties.Account("ops", HubRole.PARTNER, List.of(HASH)))
            .withMessageContaining("OPERATOR, RESEARCHER or TABLE_READER");
    }

    @Test
    void anAccountWithAClearTextKeyInsteadOfAHashIsRefusedWithoutEchoingIt() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new HubSecurityProperties.Account("ops", HubRole.OPERATOR, List.of("operator-key")))
            .withMessageNotContaining("operator-key");
    }

    @Test
    void twoAccountsCannotShareAName() {
        HubSecurityProperties.Account account = new HubSecurityProperties.Account("ops", HubRole.OPERATOR,
                List.of(HASH));

        assertThatIllegalArgumentException()
            .isThrownBy(() -> new HubSecurityProperties(List.of(account, account)))
            .withMessageContaining("twice");
    }

    @Test
    void anAccountPrintsWithoutItsHashes() {
        HubSecurityProperties.Account account = new HubSecurityProperties.Account("ops", HubRole.OPERATOR,
                List.of(HASH));

        assertThat(account.toString()).doesNotContain(HASH).contains("ops", "OPERATOR");
    }
}
