package no.ipshub.schemas.released;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Lists the released versions of each contract, read from {@code released/<contract>/v<N>.avsc} on the class
 * path. Versions are numbered from 1 without gaps; the files are never edited once released.
 *
 * <p>The registry and routes may register these, oldest first, so that data written with any released version
 * stays readable, and tests prove the current classes read all of them.
 */
public final class ReleasedSchemas {

    private static final String ROOT = "released/";

    private ReleasedSchemas() {
    }

    /** Every released version of every contract, by contract in declaration order, oldest version first. */
    public static List<ReleasedSchema> all() {
        List<ReleasedSchema> all = new ArrayList<>();
        for (SchemaContract contract : SchemaContract.values()) {
            all.addAll(of(contract));
        }
        return Collections.unmodifiableList(all);
    }

    /** The released versions of one contract, oldest first; never empty. */
    public static List<ReleasedSchema> of(SchemaContract contract) {
        return Loaded.VERSIONS.get(contract);
    }

    /** The most recent released version of one contract. */
    public static ReleasedSchema latest(SchemaContract contract) {
        List<ReleasedSchema> versions = of(contract);
        return versions.get(versions.size() - 1);
    }

    /** The resource name of a version, e.g. {@code released/hub-message/v1.avsc}. */
    public static String resourceName(SchemaContract contract, int version) {
        return ROOT + contract.id() + "/v" + version + ".avsc";
    }

    private static List<ReleasedSchema> load(SchemaContract contract) {
        List<ReleasedSchema> versions = new ArrayList<>();
        ClassLoader loader = ReleasedSchemas.class.getClassLoader();
        for (int version = 1; ; version++) {
            String resource = resourceName(contract, version);
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    break;
                }
                // a fresh parser per file: each file is standalone and redefines the shared named types
                versions.add(new ReleasedSchema(contract, version, resource, new Schema.Parser().parse(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("no released schema found at " + resourceName(contract, 1));
        }
        return List.copyOf(versions);
    }

    /** Reads the files once, on first use. */
    private static final class Loaded {

        static final Map<SchemaContract, List<ReleasedSchema>> VERSIONS = loadAll();

        private static Map<SchemaContract, List<ReleasedSchema>> loadAll() {
            Map<SchemaContract, List<ReleasedSchema>> versions = new EnumMap<>(SchemaContract.class);
            for (SchemaContract contract : SchemaContract.values()) {
                versions.put(contract, load(contract));
            }
            return Collections.unmodifiableMap(versions);
        }
    }
}
