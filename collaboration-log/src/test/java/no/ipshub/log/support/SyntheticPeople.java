package no.ipshub.log.support;

import no.ipshub.schemas.identifiers.SyntheticIdentifiers;

/** Fresh synthetic national ids (month plus 80, so no real person has them) for tests that need distinct people. */
public final class SyntheticPeople {

    private static final SyntheticIdentifiers IDS = new SyntheticIdentifiers(System.nanoTime());

    private SyntheticPeople() {
    }

    /** A new synthetic fødselsnummer. */
    public static synchronized String next() {
        return IDS.nationalId();
    }
}
