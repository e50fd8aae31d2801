package no.ipshub.operations.research;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ipshub.connectors.http.Problems;
import no.ipshub.log.project.ProjectRequestException;
import no.ipshub.log.project.TableReader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ops/research/table-readers} (operator role): accounts that read a project's tables only, with the
 * teams and NAV offices their tables cover (a NAV office manager: that office; a steering group: everything). Adding
 * answers 201 with the reader's API key, shown this once.
 */
@RestController
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TableReadersApiController {

    static final String PATH = "/api/v1/ops/research/table-readers";

    private final TableReaderAdministration readers;

    public TableReadersApiController(TableReaderAdministration readers) {
        this.readers = readers;
    }

    /**
     * A table reader as operators see it.
     *
     * @param teams      the teams its tables cover; empty: all
     * @param navOffices the NAV offices its tables cover; empty: all
     */
    public record ReaderView(String name, String project, List<String> teams, List<String> navOffices) {

        static ReaderView of(TableReader r) {
            return new ReaderView(r.name(), r.project(), r.scope().teams().stream().sorted().toList(),
                    r.scope().navOffices().stream().sorted().toList());
        }
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ReaderView> list() {
        return readers.list().stream().map(ReaderView::of).toList();
    }

    @GetMapping(path = PATH + "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReaderView get(@PathVariable String name) {
        return ReaderView.of(readers.get(name));
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> add(@RequestBody TableReaderAdministration.Form form, Authentication operator) {
        TableReaderAdministration.Added added = readers.add(form, operator.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tableReader", ReaderView.of(added.reader()));
        body.put("apiKey", added.apiKey());
        body.put("apiKeyNote", "Shown this once: the hub keeps only its hash. Give it to the reader over a secure channel.");
        return ResponseEntity.created(URI.create(PATH + "/" + added.reader().name())).body(body);
    }

    @PatchMapping(path = PATH + "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ReaderView change(@PathVariable String name, @RequestBody TableReaderAdministration.Form form,
            Authentication operator) {
        return ReaderView.of(readers.change(name, form, operator.getName()));
    }

    @PostMapping(path = PATH + "/{name}/api-key", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> newApiKey(@PathVariable String name, Authentication operator) {
        String apiKey = readers.newApiKey(name, operator.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tableReader", ReaderView.of(readers.get(name)));
        body.put("apiKey", apiKey);
        body.put("apiKeyNote", "Shown this once. The previous key keeps working until the next new key.");
        return body;
    }

    @DeleteMapping(path = PATH + "/{name}")
    public ResponseEntity<Void> remove(@PathVariable String name, Authentication operator) {
        readers.remove(name, operator.getName());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ProjectRequestException.class)
    ResponseEntity<Map<String, Object>> refused(ProjectRequestException e) {
        return Problems.of(e.status(), PATH, e.getMessage(), List.of());
    }
}
