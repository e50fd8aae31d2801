package no.ipshub.log.codebook;

import no.ipshub.log.api.ResearchAccessLevel.Level;
import no.ipshub.log.api.ResearchAccessLevel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The codebook beside the exports, for researchers and table readers: JSON, Markdown and HTML, and the scripts that
 * load the exports with its labels in R, Stata and SPSS. Describes files, holds no data, so it is not audited.
 */
@RestController
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CodebookController {

    private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    @ResearchAccessLevel(Level.TABLES)
    @GetMapping(value = "/api/v1/research/codebook", produces = MediaType.APPLICATION_JSON_VALUE)
    public Codebook codebook() {
        return Codebook.CURRENT;
    }

    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/api/v1/research/codebook.md")
    public ResponseEntity<String> markdown() {
        return ResponseEntity.ok().contentType(MARKDOWN).body(CodebookDocuments.markdown(Codebook.CURRENT));
    }

    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/api/v1/research/codebook.html")
    public ResponseEntity<String> html() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'")
                .body(CodebookDocuments.html(Codebook.CURRENT));
    }

    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/api/v1/research/codebook/load.R")
    public ResponseEntity<String> r() {
        return file("load.R", LoaderScripts.r(Codebook.CURRENT));
    }

    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/api/v1/research/codebook/load.do")
    public ResponseEntity<String> stata() {
        return file("load.do", LoaderScripts.stata(Codebook.CURRENT));
    }

    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/api/v1/research/codebook/load.sps")
    public ResponseEntity<String> spss() {
        return file("load.sps", LoaderScripts.spss(Codebook.CURRENT));
    }

    private static ResponseEntity<String> file(String name, String body) {
        return ResponseEntity.ok().contentType(TEXT)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
