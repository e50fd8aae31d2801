package no.ipshub.routes.partner;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The partner directory read once at start-up from the YAML file at {@code hub.partners-file} (a Spring
 * resource location such as {@code file:./partners.yml}). A missing or invalid file stops start-up with a
 * message naming every problem.
 */
@Component
public class YamlPartnerDirectory implements PartnerDirectory {

    private static final Logger log = LoggerFactory.getLogger(YamlPartnerDirectory.class);

    private final Map<String, Partner> partners;
    private final List<Partner> ordered;

    @Autowired
    public YamlPartnerDirectory(ResourceLoader resources, PartnersProperties properties) {
        this(load(resources.getResource(properties.partnersFile()), properties.partnersFile()));
    }

    /** A directory of these partners, for tests and tools. */
    public YamlPartnerDirectory(List<Partner> partners) {
        Map<String, Partner> byId = new LinkedHashMap<>();
        partners.forEach(p -> byId.put(p.id(), p));
        this.partners = Map.copyOf(byId);
        this.ordered = List.copyOf(partners);
    }

    @Override
    public Optional<Partner> find(String partnerId) {
        return partnerId == null ? Optional.empty() : Optional.ofNullable(partners.get(partnerId));
    }

    @Override
    public List<Partner> all() {
        return ordered;
    }

    private static List<Partner> load(Resource resource, String location) {
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
