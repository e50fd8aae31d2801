package no.ipshub.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.schemas.v1.Sector;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The partner table and the directory that every instance keeps of it, on every database the hub supports: each
 * subclass supplies a fresh, empty database that the module's migrations set up.
 */
abstract class PartnerDirectoryContract {

    static final Partner HAUKELAND = new Partner("haukeland-tsb", "Haukeland TSB", Sector.HEALTH, "983974724",
            List.of("pbkdf2-sha256$210000$a$b"));
    static final Partner BERGENHUS = new Partner("nav-bergenhus", "NAV Bergenhus", Sector.NAV, "1203", List.of());

    private PartnerStore store;
    private final List<JdbcPartnerDirectory> directories = new ArrayList<>();
    private final SupervisedLoops loops = new SupervisedLoops(RetryProperties.defaults(), Duration.ofSeconds(60),
            Clock.systemUTC());

    abstract DataSource dataSource();

    abstract String schema();

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema() != null) {
            flyway.schemas(schema());
        }
        flyway.load().migrate();
        store = new PartnerStore(new JdbcTemplate(dataSource), Clock.systemUTC());
    }

    @AfterEach
    void closeDirectories() {
        directories.forEach(JdbcPartnerDirectory::close);
    }

    private JdbcPartnerDirectory directory(List<Partner> seed) {
        JdbcPartnerDirectory directory = new JdbcPartnerDirectory(store, () -> seed, Duration.ofMillis(100), loops);
        directories.add(directory);
        return directory;
    }

    @Test
    void anEmptyTableIsFilledFromThePartnersFileInItsOrder() {
        JdbcPartnerDirectory directory = directory(List.of(HAUKELAND, BERGENHUS));

        assertThat(directory.all()).containsExactly(HAUKELAND, BERGENHUS);
    }

    @Test
    void aTableWithPartnersIsNotFilledFromTheFileAgain() {
        directory(List.of(HAUKELAND));

        JdbcPartnerDirectory restarted = directory(List.of(BERGENHUS));

        assertThat(restarted.all()).extracting(Partner::id).containsExactly("haukeland-tsb");
    }

    @Test
    void aPartnerAddedByAnotherInstanceIsSeenAfterTheNextRefresh() {
        JdbcPartnerDirectory directory = directory(List.of(HAUKELAND));

        store.insert(BERGENHUS);

        await().atMost(Duration.ofSeconds(5)).until(() -> directory.find("nav-bergenhus").isPresent());
    }

    @Test
    void aSuspendedPartnerIsListedButNotFoundForMessages() {
        JdbcPartnerDirectory directory = directory(List.of(HAUKELAND, BERGENHUS));

        store.update(BERGENHUS.withStatus(PartnerStatus.SUSPENDED));
        directory.refresh();

        assertThat(directory.find("nav-bergenhus")).isEmpty();
        assertThat(directory.all()).extracting(Partner::id).contains("nav-bergenhus");
    }

    @Test
    void aRemovedPartnerIsOnlyLookedUp() {
        JdbcPartnerDirectory directory = directory(List.of(HAUKELAND, BERGENHUS));

        store.update(BERGENHUS.withStatus(PartnerStatus.REMOVED));
        directory.refresh();

        assertThat(directory.all()).extracting(Partner::id).containsExactly("haukeland-tsb");
        assertThat(directory.lookUp("nav-bergenhus")).map(Partner::status).contains(PartnerStatus.REMOVED);
    }

    @Test
    void theIdOfARemovedPartnerIsNotGivenOutAgain() {
        directory(List.of(BERGENHUS));
        store.update(BERGENHUS.withStatus(PartnerStatus.REMOVED));

        assertThatThrownBy(() -> store.insert(BERGENHUS)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Partner switchedOff = new Partner("nav-arstad", "NAV Årstad", Sector.NAV, "1203",
                List.of("pbkdf2-sha256$210000$x$y", "pbkdf2-sha256$210000$z$w"), "974760673", PartnerStatus.SUSPENDED,
                false);
        store.insert(switchedOff);

        assertThat(store.load("nav-arstad")).contains(switchedOff);
    }
}
