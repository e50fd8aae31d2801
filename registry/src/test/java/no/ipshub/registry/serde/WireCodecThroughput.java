package no.ipshub.registry.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.registry.fixtures.TestMessages;
import no.ipshub.schemas.v1.HubMessage;

/**
 * Measures single-thread (per core) throughput of {@link AvroWireCodec} for {@code HubMessage} with warm
 * caches: encode to wire-format bytes, and decode back to the generated class. Not a test: run it by hand,
 * with the test class path, as {@code java no.ipshub.registry.serde.WireCodecThroughput [seconds]}.
 */
final class WireCodecThroughput {

    private static final String TOPIC = "ips.referral-v1";

    private WireCodecThroughput() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        AvroWireCodec codec = new AvroWireCodec(SchemaRegistryClients.mockScope("throughput"), true, false);
        List<HubMessage> messages = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            messages.add(TestMessages.referralMessage());
        }
        List<byte[]> encoded = messages.stream().map(m -> codec.encode(TOPIC, m)).toList();
        System.out.printf(Locale.ROOT, "HubMessage (referral) wire size: %d bytes%n", encoded.get(0).length);

        run("encode", seconds, i -> codec.encode(TOPIC, messages.get(i & 1023)).length);
        run("decode", seconds, i -> codec.decode(encoded.get(i & 1023), HubMessage.class).getSchemaVersion());
        run("encode+decode", seconds, i -> codec.decode(codec.encode(TOPIC, messages.get(i & 1023)), HubMessage.class)
                .getSchemaVersion());
    }

    private interface Operation {
        int apply(int i);
    }

    private static void run(String name, long seconds, Operation operation) {
        long sink = 0;
        long warmUpEnd = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; System.nanoTime() < warmUpEnd; i++) {
            sink += operation.apply(i);
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long count = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                sink += operation.apply((int) count + i);
            }
            count += 1000;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-14s %,12.0f msgs/s on one thread (%.2f us/msg) [%d]%n",
                name, count / elapsed, elapsed * 1e6 / count, sink & 1);
    }
}
