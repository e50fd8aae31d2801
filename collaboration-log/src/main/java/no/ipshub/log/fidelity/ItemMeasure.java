package no.ipshub.log.fidelity;

import java.util.Set;

/**
 * One IPS-25 item of one team, as measured from the log.
 *
 * @param value           the measured value (its unit in {@link FidelityItem#measured()}); null when nothing to
 *                        measure it from
 * @param anchor          the anchor 1-5 the value reaches; null with the value
 * @param caseKeys        the cases behind the value
 * @param participantKeys the distinct participants of those cases (their number decides suppression)
 */
public record ItemMeasure(Double value, Integer anchor, Set<String> caseKeys, Set<String> participantKeys) {

    public ItemMeasure {
        caseKeys = Set.copyOf(caseKeys);
        participantKeys = Set.copyOf(participantKeys);
    }
}
