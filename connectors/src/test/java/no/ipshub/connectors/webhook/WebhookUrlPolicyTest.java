package no.ipshub.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/* Host names resolve through a fixed table, so the rules are tested without DNS. */
class WebhookUrlPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "partner.example", "203.0.113.10",
            "internal.example", "10.1.2.3",
            "metadata.example", "169.254.169.254",
            "localhost", "127.0.0.1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.getOrDefault(host, host.matches("[0-9.:a-f]+") ? host : null);
        if (address == null) {
            throw new UnknownHostException("no such host");
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false, false, WebhookUrlPolicyTest::resolve);
    private final WebhookUrlPolicy forTests = new WebhookUrlPolicy(true, false, WebhookUrlPolicyTest::resolve);
    private final WebhookUrlPolicy closedNetwork = new WebhookUrlPolicy(false, true, WebhookUrlPolicyTest::resolve);

    private static String code(Optional<WebhookUrlPolicy.Refusal> refusal) {
        return refusal.map(WebhookUrlPolicy.Refusal::code).orElse("ACCEPTED");
    }

    @Test
    void anHttpsUrlOfAPublicHostIsAccepted() {
        assertThat(strict.check("https://partner.example/hub/webhook?tenant=7")).isEmpty();
    }

    @Test
    void plainHttpIsRefused() {
        assertThat(code(strict.check("http://partner.example/hook"))).isEqualTo("INSECURE_URL");
    }

    @Test
    void plainHttpToLoopbackIsRefusedUnlessInsecureLocalhostIsAllowed() {
        assertThat(code(strict.check("http://127.0.0.1:8089/hook"))).isEqualTo("INSECURE_URL");
        assertThat(forTests.check("http://127.0.0.1:8089/hook")).isEmpty();
    }

    @Test
    void insecureLocalhostStillRefusesPlainHttpToOtherHosts() {
        assertThat(code(forTests.check("http://partner.example/hook"))).isEqualTo("INSECURE_URL");
    }

    @Test
    void httpsToLoopbackIsRefusedOutsideTests() {
        assertThat(code(strict.check("https://localhost/hook"))).isEqualTo("INTERNAL_ADDRESS");
    }

    @Test
    void aHostResolvingToAPrivateAddressIsRefused() {
        assertThat(code(strict.check("https://internal.example/hook"))).isEqualTo("INTERNAL_ADDRESS");
    }

    @Test
    void theCloudMetadataAddressIsRefused() {
        assertThat(code(strict.check("https://metadata.example/latest/meta-data"))).isEqualTo("INTERNAL_ADDRESS");
    }

    @Test
    void uniqueLocalIpv6IsRefused() {
        assertThat(code(strict.check("https://[fd12:3456:789a::1]/hook"))).isEqualTo("INTERNAL_ADDRESS");
    }

    @Test
    void carrierGradeNatAddressesAreRefused() {
        assertThat(code(strict.check("https://100.64.0.9/hook"))).isEqualTo("INTERNAL_ADDRESS");
    }

    @Test
    void privateAddressesAreAcceptedInAClosedNetworkSetUp() {
        assertThat(closedNetwork.check("https://internal.example/hook")).isEmpty();
    }

    @Test
    void aUrlWithCredentialsIsRefused() {
        assertThat(code(strict.check("https://user:password@partner.example/hook"))).isEqualTo("INVALID_FORMAT");
    }

    @Test
    void aUrlWithAFragmentIsRefused() {
        assertThat(code(strict.check("https://partner.example/hook#part"))).isEqualTo("INVALID_FORMAT");
    }

    @Test
    void aRelativeUrlIsRefused() {
        assertThat(code(strict.check("/hook"))).isEqualTo("INVALID_FORMAT");
    }

    @Test
    void anotherSchemeIsRefused() {
        assertThat(code(strict.check("ftp://partner.example/hook"))).isEqualTo("INSECURE_URL");
    }

    @Test
    void anUnresolvableHostIsRefused() {
        assertThat(code(strict.check("https://no-such-host.example/hook"))).isEqualTo("UNRESOLVABLE_HOST");
    }

    @Test
    void aUrlOver2048CharactersIsRefused() {
        assertThat(code(strict.check("https://partner.example/" + "a".repeat(2048)))).isEqualTo("OUT_OF_RANGE");
    }

    @Test
    void theRefusalDoesNotRepeatTheUrl() {
        assertThat(strict.check("https://user:hunter2@partner.example/hook").orElseThrow().message()).doesNotContain("hunter2");
    }
}
