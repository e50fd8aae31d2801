package no.ipshub.registry.embedded;

import java.nio.charset.StandardCharsets;
import no.ipshub.registry.core.CompatibilityLevel;
import no.ipshub.registry.core.RegistryCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How {@link RegistryCommand}s are written to the registry's compacted topic. Keys are plain strings:
 * {@code proposal/<uuid>} for registrations and deletes (unique, so compaction never folds two of them
 * together), {@code config/global} and {@code config/subject/<subject>} for compatibility levels (where
 * only the newest record matters, so compaction may keep just that one). Values are JSON objects with a
 * {@code format} number, the proposal id, a {@code type} and the command's fields.
 */
public final class RegistryLogFormat {

    public static final int FORMAT = 1;

    private static final String PROPOSAL_PREFIX = "proposal/";
    private static final JsonMapper JSON = JsonMapper.shared();

    private RegistryLogFormat() {
    }

    /** The record key for {@code command}. */
    public static String key(RegistryCommand command) {
        if (command instanceof RegistryCommand.SetCompatibility set) {
            return set.subject() == null ? "config/global" : "config/subject/" + set.subject();
        }
        return PROPOSAL_PREFIX + command.proposalId();
    }

    /** Whether records with this key may be tombstoned once they are known to have had no effect. */
    public static boolean isProposalKey(String key) {
        return key != null && key.startsWith(PROPOSAL_PREFIX);
    }

    /** The record value for {@code command}, UTF-8 JSON. */
    public static byte[] value(RegistryCommand command) {
        ObjectNode node = JSON.createObjectNode().put("format", FORMAT).put("proposal", command.proposalId());
        if (command instanceof RegistryCommand.Register r) {
            node.put("type", "REGISTER").put("subject", r.subject()).put("version", r.version()).put("id", r.id())
                    .put("schema", r.schema());
        } else if (command instanceof RegistryCommand.DeleteVersion d) {
            node.put("type", "DELETE_VERSION").put("subject", d.subject()).put("version", d.version())
                    .put("permanent", d.permanent());
        } else if (command instanceof RegistryCommand.DeleteSubject d) {
            node.put("type", "DELETE_SUBJECT").put("subject", d.subject()).put("upToVersion", d.upToVersion())
                    .put("permanent", d.permanent());
        } else {
            RegistryCommand.SetCompatibility s = (RegistryCommand.SetCompatibility) command;
            node.put("type", "SET_COMPATIBILITY").put("subject", s.subject())
                    .put("compatibility", s.level() == null ? null : s.level().name());
        }
        return JSON.writeValueAsBytes(node);
    }

    /** The command in a record value; {@link IllegalArgumentException} for a value this format cannot read. */
    public static RegistryCommand read(byte[] value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + new String(value, 0, Math.min(value.length, 80),
                    StandardCharsets.UTF_8), e);
        }
        if (node.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException("unknown format " + node.path("format"));
        }
        String proposal = text(node, "proposal");
        String type = text(node, "type");
        switch (type) {
            case "REGISTER":
                return new RegistryCommand.Register(proposal, text(node, "subject"), node.path("version").asInt(),
                        node.path("id").asInt(), text(node, "schema"));
            case "DELETE_VERSION":
                return new RegistryCommand.DeleteVersion(proposal, text(node, "subject"), node.path("version").asInt(),
                        node.path("permanent").asBoolean());
            case "DELETE_SUBJECT":
                return new RegistryCommand.DeleteSubject(proposal, text(node, "subject"),
                        node.path("upToVersion").asInt(), node.path("permanent").asBoolean());
            case "SET_COMPATIBILITY":
                String level = node.path("compatibility").isNull() ? null : node.path("compatibility").asString(null);
                return new RegistryCommand.SetCompatibility(proposal,
                        node.path("subject").isNull() ? null : node.path("subject").asString(null),
                        level == null ? null : CompatibilityLevel.valueOf(level));
            default:
                throw new IllegalArgumentException("unknown record type " + type);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value.asString();
    }
}
