package no.ipshub.log.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.ipshub.log.store.CollaborationLogStore.EntryCell;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * Which entries an entry export hands out: those of team and NAV office combinations with at least the threshold of
 * participants among the matching entries; the others are withheld and counted.
 */
final class EntrySelection {

    private final Set<String> hidden;
    private final long shown;
    private final long withheld;

    private EntrySelection(Set<String> hidden, long shown, long withheld) {
        this.hidden = hidden;
        this.shown = shown;
        this.withheld = withheld;
    }

    static EntrySelection of(List<EntryCell> cells, int minCellSize) {
        Set<String> hidden = new HashSet<>();
        long shown = 0;
        long withheld = 0;
        for (EntryCell cell : cells) {
            if (cell.participants() < minCellSize) {
                hidden.add(key(cell.team(), cell.navOffice()));
                withheld += cell.entries();
            } else {
                shown += cell.entries();
            }
        }
        return new EntrySelection(hidden, shown, withheld);
    }

    boolean includes(CollaborationLogEntry entry) {
        return !hidden.contains(key(entry.getTeam(), entry.getNavOffice()));
    }

    long shown() {
        return shown;
    }

    long withheld() {
        return withheld;
    }

    private static String key(String team, String navOffice) {
        return team + '\u0000' + navOffice;
    }
}
