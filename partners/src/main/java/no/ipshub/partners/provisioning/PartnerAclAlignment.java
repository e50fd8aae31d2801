package no.ipshub.partners.provisioning;

import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.partners.PartnerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * At start-up, on a cluster with an authorizer, gives every partner of the directory its ACLs and takes away the
 * broader group rule of earlier versions (every group starting with its id). A failure is logged, not fatal: the
 * hub works on, and {@code deploy/kafka/partner-acls.sh} or the next start does the same.
 */
public class PartnerAclAlignment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PartnerAclAlignment.class);

    private final PartnerProvisioner provisioner;
    private final PartnerDirectory directory;

    public PartnerAclAlignment(PartnerProvisioner provisioner, PartnerDirectory directory) {
        this.provisioner = provisioner;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            Provisioning.AclOutcome outcome = provisioner.alignAcls(directory.all());
            log.info("Partners' Kafka ACLs at start-up: {} for {} partner(s)", outcome, directory.all().size());
        } catch (TransientFailureException e) {
            log.error("Could not align the partners' Kafka ACLs at start-up; earlier broader group rules may remain "
                    + "until deploy/kafka/partner-acls.sh runs or the hub starts again", e);
        }
    }
}
