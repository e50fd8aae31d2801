package no.ipshub.log.config;

import no.ipshub.log.pseudonym.ResearchKeyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or short research key into a start-up report that says what to set, without a stack trace. */
public class ResearchKeyFailureAnalyzer extends AbstractFailureAnalyzer<ResearchKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ResearchKeyException cause) {
        return new FailureAnalysis("The collaboration log cannot start: " + cause.getMessage(),
                "Give the research project a secret key of at least 32 bytes: hub.research.project=<project> and "
                        + "hub.research.key-file=<file> (e.g. made with 'openssl rand -out research.key 32'), or "
                        + "HUB_RESEARCH_KEY=base64:<key>; or switch the log off with hub.research.enabled=false.",
                cause);
    }
}
