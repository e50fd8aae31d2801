package no.ipshub.routes.intake;

import no.ipshub.schemas.v1.HubMessage;

/**
 * A message handed to the hub, with the partner it came from: the partner of the ingress topic, or the
 * partner whose API key authenticated the HTTP request.
 *
 * @param message     the decoded message
 * @param fromPartner the partner it came from, which must be its sender
 * @param dryRun      true when it is only to be checked, not taken in
 */
public record Submission(HubMessage message, String fromPartner, boolean dryRun) {

    public Submission(HubMessage message, String fromPartner) {
        this(message, fromPartner, false);
    }
}
