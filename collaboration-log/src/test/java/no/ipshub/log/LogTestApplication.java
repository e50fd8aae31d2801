package no.ipshub.log;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the collaboration log's integration tests start: this module's beans plus {@code LogItConfiguration}. */
@SpringBootApplication
class LogTestApplication {
}
