package no.ipshub.partners;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * A fixed partner directory: the partners of a YAML partners file (a Spring resource location such as
 * {@code file:./partners.yml}) or of a list, for tests and tools. The hub itself keeps its partners in the
 * database ({@link JdbcPartnerDirectory}) and reads the file only to fill an empty table.
 */
public class YamlPartnerDirectory implements PartnerDirectory {

    private static final Logger log = LoggerFactory.getLogger(YamlPartnerDirectory.class);

    private final Map<String, Partner> partners;
    private final List<Partner> ordered;

    public YamlPartnerDirectory(ResourceLoader resources, PartnersProperties properties) {
        this(load(resources, properties.partnersFile()));
    }

    /** A directory of these partners, for tests and tools. */
    public YamlPartnerDirectory(List<Partner> partners) {
        Map<String, Partner> byId = new LinkedHashMap<>();
        partners.forEach(p -> byId.put(p.id(), p));
        this.partners = Map.copyOf(byId);
        this.ordered = partners.stream().filter(p -> p.status() != PartnerStatus.REMOVED).toList();
    }

    @Override
    public Optional<Partner> find(String partnerId) {
        return lookUp(partnerId).filter(Partner::isActive);
    }

    @Override
    public Optional<Partner> lookUp(String partnerId) {
        return partnerId == null ? Optional.empty() : Optional.ofNullable(partners.get(partnerId));
    }

    @Override
    public List<Partner> all() {
        return ordered;
    }

    /**
     * The partners of the file at {@code location}.
     *
     * @throws PartnersFileException naming every problem when the file is missing or invalid
     */
    public static List<Partner> load(ResourceLoader resources, String location) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new PartnersFileException(location + " (hub.partners-file)", "does not exist", null);
        }
        try (InputStream in = resource.getInputStream()) {
            List<Partner> partners = PartnersFileParser.parse(in, location);
            log.info("Loaded {} partners from {}", partners.size(), location);
            return partners;
        } catch (IOException e) {
            throw new PartnersFileException(location, "cannot be read: " + e.getMessage(), e);
        }
    }
}
