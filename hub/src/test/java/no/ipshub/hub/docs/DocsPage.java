package no.ipshub.hub.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands of one documentation page: its fenced {@code bash} blocks in page order, and the status each
 * {@code # HTTP nnn} comment says the command before it gets.
 */
record DocsPage(String name, List<Block> blocks) {

    private static final Pattern HTTP_COMMENT = Pattern.compile("^# HTTP (\\d{3})\\b.*");

    /** A fenced bash block; {@code firstLine} is the page's line number of its first command line. */
    record Block(int firstLine, List<String> lines) {

        /**
         * Whether the block runs the hub's jar itself (another hub, or one of its key tools) rather than talking to
         * the running hub: such a block is not run.
         */
        boolean runsTheJar() {
            return lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).findFirst()
                    .map(line -> line.startsWith("java ")).orElse(false);
        }
    }

    /** A {@code # HTTP nnn} comment: the page's line it is on and the status it states. */
    record Expectation(String page, int line, int status) {

        String where() {
            return page + ":" + line;
        }
    }

    static DocsPage read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static DocsPage parse(String name, String markdown) {
        List<Block> blocks = new ArrayList<>();
        List<String> current = null;
        int firstLine = 0;
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (current == null && line.strip().equals("```bash")) {
                current = new ArrayList<>();
                firstLine = i + 2;
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(new Block(firstLine, List.copyOf(current)));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        if (current != null) {
            throw new IllegalArgumentException(name + ": the bash block of line " + firstLine + " is never closed");
        }
        return new DocsPage(name, List.copyOf(blocks));
    }

    List<Expectation> expectations() {
        List<Expectation> expectations = new ArrayList<>();
        for (Block block : blocks) {
            if (block.runsTheJar()) {
                continue;
            }
            for (int i = 0; i < block.lines().size(); i++) {
                Matcher comment = HTTP_COMMENT.matcher(block.lines().get(i));
                if (comment.matches()) {
                    expectations.add(new Expectation(name, block.firstLine() + i, Integer.parseInt(comment.group(1))));
                }
            }
        }
        return expectations;
    }

    /**
     * The blocks as one bash script, unchanged but for a call of {@code check} after every {@code # HTTP nnn}
     * comment with the page, the comment's line and the status it states. A comment ends any command before it,
     * so the call never lands inside one. Blocks that run the jar are left out.
     */
    String script(String check) {
        StringBuilder script = new StringBuilder();
        for (Block block : blocks) {
            if (block.runsTheJar()) {
                script.append("# ").append(name).append(", line ").append(block.firstLine())
                        .append(": runs the jar, not run\n");
                continue;
            }
            script.append("# ").append(name).append(", line ").append(block.firstLine()).append('\n');
            for (int i = 0; i < block.lines().size(); i++) {
                String line = block.lines().get(i);
                script.append(line).append('\n');
                Matcher comment = HTTP_COMMENT.matcher(line);
                if (comment.matches()) {
                    script.append(check).append(' ').append(name).append(' ').append(block.firstLine() + i)
                            .append(' ').append(comment.group(1)).append('\n');
                }
            }
        }
        return script.toString();
    }
}
