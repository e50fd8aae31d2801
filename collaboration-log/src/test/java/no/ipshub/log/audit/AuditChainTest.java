package no.ipshub.log.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditRecord r = AuditChain.link(i, Instant.parse("2025-05-01T10:00:00Z").plusSeconds(i), "researcher-" + i,
                    "ENTRIES_READ", "GET /api/v1/research/entries?team=haukeland-tsb", 10L * i, previous);
            records.add(r);
            previous = r.hash();
        }
        return records;
    }

    private static ChainVerification verify(List<AuditRecord> records) {
        AuditRecord last = records.get(records.size() - 1);
        return AuditChain.verify(records, last.seq(), last.hash());
    }

    @Test
    void untouchedChainVerifies() {
        assertThat(verify(chain(5)).intact()).isTrue();
    }

    @Test
    void eachHashCoversThePreviousHash() {
        List<AuditRecord> records = chain(2);

        assertThat(records.get(1).previousHash()).isEqualTo(records.get(0).hash());
    }

    @Test
    void changedRowCountBreaksTheChainAtThatRow() {
        List<AuditRecord> records = chain(5);
        AuditRecord r = records.get(2);
        records.set(2, new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.action(), r.query(), 0, r.previousHash(), r.hash()));

        assertThat(verify(records).brokenAtSeq()).isEqualTo(3L);
    }

    @Test
    void rowRehashedAfterATamperingStillBreaksTheNextLink() {
        List<AuditRecord> records = chain(5);
        AuditRecord r = records.get(2);
        records.set(2, AuditChain.link(r.seq(), r.occurredAt(), "someone-else", r.action(), r.query(), r.rowCount(),
                r.previousHash()));

        assertThat(verify(records).brokenAtSeq()).isEqualTo(4L);
    }

    @Test
    void removedRowIsNoticed() {
        List<AuditRecord> records = chain(5);
        records.remove(1);

        assertThat(verify(records).intact()).isFalse();
    }

    @Test
    void removedLastRowIsNoticedThroughTheHead() {
        List<AuditRecord> records = chain(5);
        AuditRecord last = records.remove(4);

        assertThat(AuditChain.verify(records, last.seq(), last.hash()).intact()).isFalse();
    }

    @Test
    void fieldBoundariesCannotBeShiftedWithoutChangingTheHash() {
        AuditRecord a = AuditChain.link(1, Instant.EPOCH, "ab", "c", "q", 1, AuditChain.GENESIS);
        AuditRecord b = AuditChain.link(1, Instant.EPOCH, "a", "bc", "q", 1, AuditChain.GENESIS);

        assertThat(a.hash()).isNotEqualTo(b.hash());
    }
}
