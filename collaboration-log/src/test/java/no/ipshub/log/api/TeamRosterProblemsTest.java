package no.ipshub.log.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import no.ipshub.log.api.TeamRosterController.Line;
import no.ipshub.log.api.TeamRosterController.Roster;
import org.junit.jupiter.api.Test;

/**
 * A roster comes from a partner, so it may hold anything: generated rosters with control characters, lone
 * surrogates, blank and overlong refs, missing and reversed dates, repeated lines and null lines. The check never
 * throws, names no ref, and accepts a roster exactly when every line keeps the rules.
 */
class TeamRosterProblemsTest {

    private static final int ROSTERS = 5_000;

    @Test
    void generatedRostersAreAcceptedExactlyWhenEveryLineKeepsTheRules() {
        Random random = new Random(20261207L);
        int accepted = 0;
        for (int i = 0; i < ROSTERS; i++) {
            Roster roster = roster(random);
            List<String> problems = new ArrayList<>();
            assertThatCode(() -> problems.addAll(TeamRosterController.problems(roster))).doesNotThrowAnyException();
            assertThat(problems.isEmpty()).as("roster %d: %s", i, problems).isEqualTo(keepsTheRules(roster));
            if (problems.isEmpty()) {
                accepted++;
            }
        }
        assertThat(accepted).as("the generator makes valid rosters too").isBetween(ROSTERS / 20, ROSTERS - ROSTERS / 20);
    }

    @Test
    void aProblemNamesTheLineNeverTheRef() {
        String ref = "js-\u0007secret";
        List<String> problems = TeamRosterController.problems(
                new Roster(List.of(new Line(ref, LocalDate.of(2025, 1, 1), null))));

        assertThat(problems).singleElement().asString().startsWith("specialists[0].jobSpecialistRef").doesNotContain("secret");
    }

    @Test
    void aRosterOverTheMostSpecialistsIsRefusedWhole() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i <= TeamRosterController.MAX_SPECIALISTS; i++) {
            lines.add(new Line("js-" + i, LocalDate.of(2025, 1, 1), null));
        }

        assertThat(TeamRosterController.problems(new Roster(lines))).containsExactly(
                "specialists: at most " + TeamRosterController.MAX_SPECIALISTS);
    }

    /** The rules, written again plainly as the oracle. */
    private static boolean keepsTheRules(Roster roster) {
        if (roster.specialists() == null || roster.specialists().size() > TeamRosterController.MAX_SPECIALISTS) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (Line line : roster.specialists()) {
            if (line == null || line.jobSpecialistRef() == null || line.jobSpecialistRef().isBlank()
                    || line.jobSpecialistRef().strip().length() > 100 || line.start() == null
                    || (line.end() != null && line.end().isBefore(line.start()))
                    || !seen.add(line.jobSpecialistRef().strip() + "@" + line.start())
                    || !onOneLineWellFormed(line.jobSpecialistRef())) {
                return false;
            }
        }
        return true;
    }

    private static boolean onOneLineWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Roster roster(Random random) {
        if (random.nextInt(200) == 0) {
            return new Roster(null);
        }
        int size = random.nextInt(4);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            lines.add(random.nextInt(60) == 0 ? null : line(random));
        }
        if (size > 0 && random.nextInt(30) == 0) {
            lines.add(lines.get(0));
        }
        return new Roster(lines);
    }

    private static Line line(Random random) {
        LocalDate start = random.nextInt(40) == 0 ? null : LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2_000));
        LocalDate end = start == null || random.nextBoolean() ? null : start.plusDays(random.nextInt(400) - 30);
        return new Line(ref(random), start, end);
    }

    private static String ref(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> " ".repeat(random.nextInt(3));
            case 2 -> "js-" + "x".repeat(95 + random.nextInt(10));
            case 3 -> "js-" + (char) random.nextInt(0x20) + "a";
            case 4 -> "js-\uD800" + (random.nextBoolean() ? "a" : "");
            case 5 -> "js-\uDC00b";
            case 6 -> "js-\u007F";
            case 7 -> "  js-" + random.nextInt(5) + "  ";
            case 8 -> "js-\uD83D\uDE00" + random.nextInt(5);
            default -> "js-" + random.nextInt(8);
        };
    }
}
