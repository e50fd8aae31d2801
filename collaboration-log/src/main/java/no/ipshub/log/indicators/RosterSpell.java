package no.ipshub.log.indicators;

import java.time.LocalDate;

/**
 * One job specialist on a team's roster, pseudonymised for one research project.
 *
 * @param team             the treatment team that sent the roster
 * @param jobSpecialistKey the job specialist's pseudonym in the project
 * @param start            the first day on the team
 * @param end              the last day on the team; null while they are still on it
 */
public record RosterSpell(String team, String jobSpecialistKey, LocalDate start, LocalDate end) {
}
