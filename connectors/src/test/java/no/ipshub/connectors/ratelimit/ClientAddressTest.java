package no.ipshub.connectors.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressIsCountedAsItIs() {
        assertThat(ClientAddress.normalise("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void allAddressesOfAnIpv6Slash64AreCountedAsOneClient() {
        assertThat(ClientAddress.normalise("2001:db8:1:2:aaaa::1"))
            .isEqualTo(ClientAddress.normalise("2001:db8:1:2:ffff:ffff:ffff:fffe"))
            .isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void differentIpv6NetworksAreDifferentClients() {
        assertThat(ClientAddress.normalise("2001:db8:1:2::1")).isNotEqualTo(ClientAddress.normalise("2001:db8:1:3::1"));
    }

    @Test
    void aMissingAddressIsOneClientCalledUnknown() {
        assertThat(ClientAddress.normalise(null)).isEqualTo("unknown");
    }
}
