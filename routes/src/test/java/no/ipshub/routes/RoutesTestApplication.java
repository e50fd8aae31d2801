package no.ipshub.routes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the routes module's integration tests start: the beans of routes and of the modules under it. */
@SpringBootApplication(scanBasePackages = {"no.ipshub.engine", "no.ipshub.partners", "no.ipshub.routes"})
class RoutesTestApplication {
}
