package no.ipshub.routes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the routes module's integration tests start: the routes module's own beans only. */
@SpringBootApplication
class RoutesTestApplication {
}
