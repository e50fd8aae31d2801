package no.ipshub.log.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.mapping.LogEvent;
import no.ipshub.log.support.LogFixtures;
import no.ipshub.log.support.SyntheticPeople;
import no.ipshub.log.support.TestDatabase;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.OutcomeKind;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many round trips to the database one batch of the log costs (every statement executed, every JDBC batch sent,
 * the commit), counted on H2 through a wrapper of the data source: a fixed number per batch, whatever its size, for a
 * batch of referrals, follow-ups, events whose referral comes in the next batch and withdrawals.
 */
class BatchRoundTripsIT {

    private static final Logger log = LoggerFactory.getLogger(BatchRoundTripsIT.class);

    private final CollaborationLogMapper mapper = LogFixtures.mapper();
    private final AtomicInteger roundTrips = new AtomicInteger();

    @Test
    void aBatchCostsTheSameRoundTripsWhateverItsSize() {
        try (TestDatabase database = TestDatabase.h2()) {
            DataSource counted = counting(database.dataSource());
            JdbcTemplate jdbc = new JdbcTemplate(counted);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(counted));
            CollaborationLogStore store = new CollaborationLogStore(jdbc, tx, LogFixtures.PROJECT,
                    new AuditTrail(jdbc, tx, Clock.systemUTC()), Clock.systemUTC(), Duration.ofDays(30));
            store.write(List.of(), o -> { }); // the first batch also purges expired parked events

            List<Integer> perBatch = new ArrayList<>();
            for (int cases : new int[] {400, 1000, 2000}) {
                Scenario s = new Scenario(cases);
                store.write(s.first, o -> { });
                roundTrips.set(0);
                store.write(s.second, o -> { });
                perBatch.add(roundTrips.get());
            }

            log.info("Round trips to the database per batch of the collaboration log (400, 1,000, 2,000 cases): {}", perBatch);
            assertThat(perBatch).allMatch(n -> n.equals(perBatch.get(0)));
            assertThat(perBatch.get(0)).isLessThanOrEqualTo(16);
        }
    }

    /**
     * Two batches: the first refers half of the cases, each with its follow-ups, and sends a follow-up of each case of
     * the other half ahead of its referral (parked); the second refers the other half (settling what was parked),
     * sends follow-ups of the first half, and withdraws one participant of each.
     */
    private final class Scenario {

        final List<LogEvent> first = new ArrayList<>();
        final List<LogEvent> second = new ArrayList<>();

        Scenario(int cases) {
            String run = Long.toString(System.nanoTime());
            for (int c = 0; c < cases; c++) {
                String caseId = "case-trips-" + run + "-" + c;
                String person = SyntheticPeople.next();
                List<LogEvent> referredIn = c % 2 == 0 ? first : second;
                List<LogEvent> other = c % 2 == 0 ? second : first;
                referredIn.add(mapper.map(HubMessages.referral().caseId(caseId)
                        .referral(r -> r.setParticipantNationalId(person)).build()));
                referredIn.add(mapper.map(HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId).build()));
                other.add(mapper.map(HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId).build()));
                other.add(mapper.map(HubMessages.outcome(OutcomeKind.JOB_STARTED).caseId(caseId).build()));
                if (c < 2) {
                    second.add(mapper.map(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId).build()));
                }
            }
        }
    }

    /** The data source, counting what its connections send: statements, JDBC batches and commits. */
    private DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return method.getName().equals("getConnection")
                            ? wrap(Connection.class, result, name -> name.equals("commit"), this::statement)
                            : result;
                });
    }

    private Object statement(Object created) {
        Class<?> type = created instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return wrap(type, created, name -> name.startsWith("execute"), null);
    }

    private Object wrap(Class<?> type, Object target, java.util.function.Predicate<String> counts,
            java.util.function.UnaryOperator<Object> wrapResult) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (counts.test(method.getName())) {
                roundTrips.incrementAndGet();
            }
            Object result = invoke(target, method, args);
            boolean createsStatement = method.getName().equals("prepareStatement")
                    || method.getName().equals("createStatement");
            return wrapResult != null && createsStatement ? wrapResult.apply(result) : result;
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
