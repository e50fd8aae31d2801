package no.ipshub.log.project;

import org.springframework.http.HttpStatus;

/** An operator's change to the research projects or table readers that cannot be made, with the status to answer. */
public class ProjectRequestException extends RuntimeException {

    private final HttpStatus status;

    public ProjectRequestException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
