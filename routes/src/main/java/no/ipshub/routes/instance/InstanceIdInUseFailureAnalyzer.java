package no.ipshub.routes.instance;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells an operator, in Spring Boot's start-up failure report, which id is taken and how to start the hub. */
public class InstanceIdInUseFailureAnalyzer extends AbstractFailureAnalyzer<InstanceIdInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InstanceIdInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set hub.instance-id (HUB_INSTANCE_ID) to an id no running instance uses, or give this instance a data "
                        + "directory of its own (hub.data-dir) so that it makes one; or stop the instance on host "
                        + cause.holder().host() + " first. A stopped or killed instance frees its id within "
                        + "hub.instance-lease.lease.",
                cause);
    }
}
