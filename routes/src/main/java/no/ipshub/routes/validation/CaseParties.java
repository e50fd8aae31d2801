package no.ipshub.routes.validation;

/** Answers whether two partners share a case, as opened by its referral. */
@FunctionalInterface
public interface CaseParties {

    /** True when a referral opened {@code caseId} between these two partners (in either order). */
    boolean areParties(String caseId, String partnerA, String partnerB);
}
