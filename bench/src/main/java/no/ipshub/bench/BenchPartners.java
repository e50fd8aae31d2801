package no.ipshub.bench;

import java.util.List;

/**
 * The demo partners of the hub's shipped partners file, with the demo API keys docs/walk-through.md documents.
 * The benchmark sends from the health-trust teams to the NAV offices, as referrals flow in practice.
 */
final class BenchPartners {

    record BenchPartner(String id, String apiKey) {
    }

    static final List<BenchPartner> TEAMS = List.of(
            new BenchPartner("haukeland-tsb", "demo-key-haukeland-tsb"),
            new BenchPartner("nordland-ips", "demo-key-nordland-ips"),
            new BenchPartner("unn-ips", "demo-key-unn-ips"));

    static final List<BenchPartner> NAV_OFFICES = List.of(
            new BenchPartner("nav-bergenhus", "demo-key-nav-bergenhus"),
            new BenchPartner("nav-arstad", "demo-key-nav-arstad"),
            new BenchPartner("nav-bodo", "demo-key-nav-bodo"),
            new BenchPartner("nav-tromso", "demo-key-nav-tromso"));

    /** The NAV offices' inbox topics, where the benchmark's messages arrive. */
    static List<String> navOfficeInboxes() {
        return NAV_OFFICES.stream().map(p -> "ips.inbox." + p.id() + "-v1").toList();
    }

    private BenchPartners() {
    }
}
