package no.ipshub.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.FollowUp;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Outcome;
import no.ipshub.schemas.v1.OutcomeKind;
import no.ipshub.schemas.v1.Referral;
import no.ipshub.schemas.validation.NationalIdentityNumber;
import no.ipshub.schemas.validation.OrganisationNumber;
import no.ipshub.schemas.validation.Styrk08Code;
import org.junit.jupiter.api.Test;

class DemoCaseTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2025-03-03");

    /** Plays whole cases with a fixed seed, every message as the hub would receive it. */
    private static List<List<HubMessage>> playCases(int count) {
        Random random = new Random(42);
        SyntheticIdentifiers ids = new SyntheticIdentifiers(42);
        List<List<HubMessage>> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DemoCase demoCase = new DemoCase("demo-case-" + i, "haukeland-tsb", "nav-bergenhus", ids, random);
            List<HubMessage> messages = new ArrayList<>();
            while (!demoCase.isClosed()) {
                DemoCase.Step step = demoCase.nextStep(ids, random, NOW, TODAY);
                messages.add(step.message());
                demoCase.apply(step);
            }
            cases.add(messages);
        }
        return cases;
    }

    @Test
    void everyCaseStartsWithAReferralFromTheTeamToTheNavOffice() {
        assertThat(playCases(50)).allSatisfy(messages -> {
            HubMessage first = messages.get(0);
            assertThat(first.getPayload()).isInstanceOf(Referral.class);
            assertThat(first.getSender()).isEqualTo("haukeland-tsb");
            assertThat(first.getRecipient()).isEqualTo("nav-bergenhus");
        });
    }

    @Test
    void everyCaseEndsWithARejectionOrAClosure() {
        assertThat(playCases(50)).allSatisfy(messages -> {
            Object last = messages.get(messages.size() - 1).getPayload();
            assertThat(last instanceof FollowUp f && f.getKind() == FollowUpKind.REFERRAL_REJECTED
                    || last instanceof Outcome o && o.getKind() == OutcomeKind.EPISODE_CLOSED).isTrue();
        });
    }

    @Test
    void participantsHaveChecksumValidSyntheticNationalIds() {
        assertThat(playCases(50)).allSatisfy(messages -> {
            Referral referral = (Referral) messages.get(0).getPayload();
            assertThat(NationalIdentityNumber.isValid(referral.getParticipantNationalId())).isTrue();
        });
    }

    @Test
    void jobsHaveValidEmployersOccupationsAndHours() {
        List<Outcome> jobs = playCases(200).stream().flatMap(List::stream)
                .map(HubMessage::getPayload)
                .filter(p -> p instanceof Outcome o && o.getKind() == OutcomeKind.JOB_STARTED)
                .map(Outcome.class::cast)
                .toList();

        assertThat(jobs).isNotEmpty().allSatisfy(job -> {
            assertThat(OrganisationNumber.isValid(job.getEmployerOrganisationNumber())).isTrue();
            assertThat(Styrk08Code.isValid(job.getStyrkCode())).isTrue();
            assertThat(job.getHoursPerWeek()).isBetween(1.0, 75.0);
        });
    }

    @Test
    void theFlowsCoverTheFollowUpAndOutcomeKindsOfAnIpsCourse() {
        List<Object> kinds = playCases(200).stream().flatMap(List::stream)
                .map(HubMessage::getPayload)
                .map(p -> p instanceof FollowUp f ? f.getKind() : p instanceof Outcome o ? o.getKind() : "REFERRAL")
                .distinct()
                .map(Object.class::cast)
                .toList();

        assertThat(kinds).contains("REFERRAL", FollowUpKind.REFERRAL_ACCEPTED, FollowUpKind.REFERRAL_REJECTED,
                FollowUpKind.TREATMENT_TEAM_MEETING, FollowUpKind.NAV_COLLABORATION_MEETING,
                FollowUpKind.EMPLOYER_CONTACT, FollowUpKind.BENEFITS_COUNSELLING, FollowUpKind.NAV_MEASURE_CHANGED,
                FollowUpKind.FOLLOW_ALONG_SUPPORT, OutcomeKind.JOB_STARTED, OutcomeKind.JOB_ENDED,
                OutcomeKind.EPISODE_CLOSED);
    }

    @Test
    void everyMessageSurvivesTheJsonFormThePartnersSend() {
        HubMessageJson json = new HubMessageJson();

        assertThat(playCases(20).stream().flatMap(List::stream))
            .allSatisfy(message -> assertThat(json.fromJson(json.toJson(message))).isEqualTo(message));
    }

    @Test
    void aStepThatWasNotAcceptedIsProposedAgainUnchanged() {
        Random random = new Random(7);
        SyntheticIdentifiers ids = new SyntheticIdentifiers(7);
        DemoCase demoCase = new DemoCase("demo-retry", "unn-ips", "nav-tromso", ids, random);

        DemoCase.Step first = demoCase.nextStep(ids, random, NOW, TODAY);

        assertThat(demoCase.nextStep(ids, random, NOW, TODAY)).isSameAs(first);
    }
}
