package no.ipshub.log.config;

import java.time.Clock;
import no.ipshub.log.audit.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash-chained audit trail, wired whether or not the research API is on: research reads and consent
 * withdrawals are written to it, and so are the operators' changes to partners.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        return new AuditTrail(jdbc, transactions, clock);
    }
}
