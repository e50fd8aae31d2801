package no.ipshub.log.fidelity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads reviewers' IPS-25 scores from CSV: a header {@code team,reviewDate,item,score}, then one line per team, review
 * date and item. Every review (team and date) must score all 25 items, each once, 1 to 5; the review date must not
 * lie ahead. At most {@value #MAX_LINES} lines. A file with any problem is refused whole, with every problem named by
 * its line.
 */
public final class FidelityReviewCsv {

    /** The most lines one import may have: 400 reviews. */
    public static final int MAX_LINES = 10_000;
    static final String HEADER = "team,reviewDate,item,score";
    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_PROBLEMS = 50;

    private FidelityReviewCsv() {
    }

    /** The reviews of the file, or the problems that refuse it. */
    public record Parsed(List<FidelityReview> reviews, List<String> problems) {
    }

    public static Parsed parse(String text, LocalDate today) {
        List<String> problems = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
            return new Parsed(List.of(), List.of("line 1: the header must be " + HEADER));
        }
        if (lines.length - 1 > MAX_LINES) {
            return new Parsed(List.of(), List.of("more than " + MAX_LINES + " lines"));
        }
        Map<String, Map<Integer, Integer>> byReview = new LinkedHashMap<>();
        for (int n = 1; n < lines.length && problems.size() < MAX_PROBLEMS; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + (n + 1) + ": ";
            String[] f = line.split(",", -1);
            if (f.length != 4) {
                problems.add(where + "must have 4 fields");
                continue;
            }
            String team = f[0].strip();
            if (!TEAM.matcher(team).matches()) {
                problems.add(where + "team must be a partner id");
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(f[1].strip());
            } catch (DateTimeParseException e) {
                problems.add(where + "reviewDate must be a date as yyyy-MM-dd");
                continue;
            }
            if (date.isAfter(today)) {
                problems.add(where + "reviewDate must not lie ahead");
                continue;
            }
            Integer item = number(f[2]);
            Integer score = number(f[3]);
            if (item == null || item < 1 || item > 25) {
                problems.add(where + "item must be 1 to 25");
                continue;
            }
            if (score == null || score < 1 || score > 5) {
                problems.add(where + "score must be 1 to 5");
                continue;
            }
            Map<Integer, Integer> scores = byReview.computeIfAbsent(team + "|" + date, k -> new TreeMap<>());
            if (scores.put(item, score) != null) {
                problems.add(where + "item " + item + " of " + team + " on " + date + " is scored twice");
            }
        }
        List<FidelityReview> reviews = new ArrayList<>();
        byReview.forEach((key, scores) -> {
            String[] teamAndDate = key.split("\\|");
            if (scores.size() != 25) {
                problems.add("the review of " + teamAndDate[0] + " on " + teamAndDate[1] + " scores " + scores.size()
                        + " items, not all 25");
            }
            reviews.add(new FidelityReview(teamAndDate[0], LocalDate.parse(teamAndDate[1]), scores));
        });
        if (reviews.isEmpty() && problems.isEmpty()) {
            problems.add("the file holds no review");
        }
        return problems.isEmpty() ? new Parsed(List.copyOf(reviews), List.of()) : new Parsed(List.of(), List.copyOf(problems));
    }

    private static Integer number(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
