package no.ipshub.partners;

import java.util.List;

/** The partners file is missing or invalid; names the file and every problem found in it. */
public class PartnersFileException extends IllegalStateException {

    private final List<String> problems;

    public PartnersFileException(String source, List<String> problems) {
        super("Partners file " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public PartnersFileException(String source, String problem, Throwable cause) {
        super("Partners file " + source + " " + problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem, as {@code partners[2].organisation: ...}. */
    public List<String> problems() {
        return problems;
    }
}
