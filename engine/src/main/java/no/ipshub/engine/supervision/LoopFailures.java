package no.ipshub.engine.supervision;

import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/**
 * Which failures of a loop a restart cannot help, and how a failure is described to operators without
 * personal data.
 */
public final class LoopFailures {

    /** The longest failure message kept. */
    static final int MAX_MESSAGE = 200;
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{11,}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");
    private static final int MAX_CAUSES = 10;

    private LoopFailures() {
    }

    /**
     * True when restarting the loop cannot help, so it goes DOWN instead: a class that cannot be loaded or
     * initialised ({@link LinkageError}: the build is broken, and a class whose initialiser failed stays failed),
     * and a Kafka client configuration the client refuses ({@link ConfigException}: the hub's settings are wrong).
     * Everything else (a dependency away, a bug on one input, running out of memory) is restarted.
     */
    public static boolean cannotRecover(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof LinkageError || t instanceof ConfigException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure's type and message, at most {@value #MAX_MESSAGE} characters, runs of eleven or more digits
     * (the shape of a national id) masked: exception messages may quote input.
     */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        text = CONTROL.matcher(text).replaceAll(" ");
        text = LONG_DIGIT_RUN.matcher(text).replaceAll("[masked]");
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
