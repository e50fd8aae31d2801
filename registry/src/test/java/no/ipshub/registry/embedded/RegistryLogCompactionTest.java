package no.ipshub.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.ipshub.registry.client.SchemaRegistryException;
import no.ipshub.registry.core.CompatibilityLevel;
import no.ipshub.registry.core.RegistryCommand;
import no.ipshub.registry.core.RegistryCore;
import no.ipshub.registry.core.SchemaText;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two writers with stale views race on one log, the way two hub instances share the {@code _schemas}
 * topic: each plans against the part of the log it has read, appends, and tombstones its own record when
 * it was not applied. Compaction then drops any records that a later record with the same key supersedes.
 * Replaying the compacted log must give exactly the state the full log gives.
 */
class RegistryLogCompactionTest {

    private static final List<String> SUBJECTS = List.of("a-value", "b-value", "c-value");
    private static final List<Schema> SCHEMAS = schemas();

    private record LogRecord(String key, RegistryCommand command) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void compactionNeverChangesTheStateTheLogDescribes(long seed) {
        Random random = new Random(seed);
        List<LogRecord> log = race(random, 120);

        String full = replay(log);
        String compacted = replay(compact(log, random));

        assertThat(compacted).isEqualTo(full);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void racingWritersNeverGiveOneSchemaTwoIds(long seed) {
        List<LogRecord> log = race(new Random(seed), 120);

        String state = replay(log);

        Map<String, String> idsBySchema = new HashMap<>();
        state.lines().filter(line -> line.startsWith("id ")).forEach(line -> {
            String[] parts = line.split(" ", 3);
            assertThat(idsBySchema.put(parts[2], parts[1])).isNull();
        });
    }

    private static List<LogRecord> race(Random random, int operations) {
        List<LogRecord> log = new ArrayList<>();
        RegistryCore truth = new RegistryCore();
        RegistryCore[] views = {new RegistryCore(), new RegistryCore()};
        int[] read = {0, 0};
        for (int op = 0; op < operations; op++) {
            int writer = random.nextInt(2);
            // the writer has read some, not necessarily all, of the log: it plans on a stale view
            int upTo = read[writer] + random.nextInt(log.size() - read[writer] + 1);
            for (; read[writer] < upTo; read[writer]++) {
                applyRecord(views[writer], log.get(read[writer]));
            }
            RegistryCommand command;
            try {
                command = plan(views[writer], random);
            } catch (SchemaRegistryException e) {
                continue;
            }
            String key = RegistryLogFormat.key(command);
            log.add(new LogRecord(key, command));
            boolean applied = truth.apply(command).applied();
            if (!applied && RegistryLogFormat.isProposalKey(key)) {
                log.add(new LogRecord(key, null));
            }
        }
        return log;
    }

    private static RegistryCommand plan(RegistryCore view, Random random) {
        String subject = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
        int choice = random.nextInt(10);
        if (choice < 6) {
            RegistryCore.RegisterPlan plan = view.planRegister(subject, SCHEMAS.get(random.nextInt(SCHEMAS.size())));
            if (plan.command() == null) {
                throw new SchemaRegistryException(0, "already registered");
            }
            return plan.command();
        }
        if (choice == 6) {
            CompatibilityLevel[] levels = CompatibilityLevel.values();
            return view.planSetCompatibility(random.nextBoolean() ? null : subject,
                    random.nextInt(4) == 0 ? null : levels[random.nextInt(levels.length)]);
        }
        if (choice == 7) {
            return view.planDeleteVersion(subject, -1, random.nextBoolean());
        }
        return view.planDeleteSubject(subject, random.nextBoolean());
    }

    /** Drops, at random, records superseded by a later record with the same key, as partial cleaning would. */
    private static List<LogRecord> compact(List<LogRecord> log, Random random) {
        Map<String, Integer> lastIndex = new HashMap<>();
        for (int i = 0; i < log.size(); i++) {
            lastIndex.put(log.get(i).key(), i);
        }
        List<LogRecord> kept = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            LogRecord record = log.get(i);
            boolean superseded = lastIndex.get(record.key()) > i;
            boolean expiredTombstone = record.command() == null && random.nextBoolean();
            if (!(superseded && random.nextInt(4) != 0) && !expiredTombstone) {
                kept.add(record);
            }
        }
        return kept;
    }

    private static String replay(List<LogRecord> log) {
        RegistryCore core = new RegistryCore();
        log.forEach(record -> applyRecord(core, record));
        return core.snapshot();
    }

    private static void applyRecord(RegistryCore core, LogRecord record) {
        if (record.command() != null) {
            core.apply(RegistryLogFormat.read(RegistryLogFormat.value(record.command())));
        }
    }

    private static List<Schema> schemas() {
        List<Schema> schemas = new ArrayList<>();
        String fields = "{\"name\":\"text\",\"type\":\"string\"}";
        for (int i = 0; i < 6; i++) {
            schemas.add(SchemaText.parse("{\"type\":\"record\",\"name\":\"Greeting\",\"fields\":[" + fields + "]}"));
            fields += ",{\"name\":\"f" + i + "\",\"type\":\"int\"" + (i % 2 == 0 ? ",\"default\":0" : "") + "}";
        }
        return schemas;
    }
}
