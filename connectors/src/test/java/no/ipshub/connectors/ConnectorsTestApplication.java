package no.ipshub.connectors;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the connectors module's HTTP tests start: everything under {@code no.ipshub} on the class
 * path (the edge, its security, the routes and the registry client), as the hub wires it.
 */
@SpringBootApplication(scanBasePackages = "no.ipshub")
class ConnectorsTestApplication {
}
