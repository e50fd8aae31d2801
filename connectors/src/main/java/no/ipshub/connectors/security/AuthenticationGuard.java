package no.ipshub.connectors.security;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wraps every API-key lookup of {@link ApiKeyAuthenticator}, the one place where PBKDF2 derivations can be
 * spent: lets the edge refuse a caller before any derivation (by throwing) or cap how many run at once.
 * Without a guard bean every lookup simply runs.
 */
@FunctionalInterface
public interface AuthenticationGuard {

    /** Runs every lookup unguarded. */
    AuthenticationGuard NONE = (apiKey, lookUp) -> lookUp.get();

    /**
     * The caller holding {@code apiKey}, found by {@code lookUp}, or empty for an unknown key. May refuse with
     * an unchecked exception instead of calling {@code lookUp}.
     */
    Optional<ApiKeyAuthentication> authenticate(String apiKey, Supplier<Optional<ApiKeyAuthentication>> lookUp);
}
