package no.ipshub.log.project;

/**
 * An account that reads a project's tables only, never its rows: a team leader, a NAV office manager, a fidelity
 * reviewer, a steering group.
 *
 * @param name    the account name
 * @param project the project's code
 * @param scope   the cases its tables are computed over
 */
public record TableReader(String name, String project, TableScope scope) {
}
