package no.ipshub.engine.state;

/**
 * A case as its referral opened it: the case id and the two partners that share it.
 *
 * @param caseId    the case id of the referral
 * @param team      partner id of the treatment team
 * @param navOffice partner id of the NAV office
 * @param messageId the referral's message id
 */
public record CaseOpening(String caseId, String team, String navOffice, String messageId) {

    /** True when the two partners, in either order, are this case's team and NAV office. */
    public boolean isSharedBy(String partnerA, String partnerB) {
        return (team.equals(partnerA) && navOffice.equals(partnerB))
                || (team.equals(partnerB) && navOffice.equals(partnerA));
    }
}
