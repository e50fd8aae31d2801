package no.ipshub.web.page;

import java.util.ArrayList;
import java.util.List;

/**
 * What the shared page skeleton ({@code web/head}, {@code web/header}, {@code web/foot}) needs from a page.
 *
 * @param title    the end of the window title, e.g. {@code operations}
 * @param pagePath the path of the page's set of pages, e.g. {@code /ops}: the hub's style sheet is fetched below it
 *                 ({@code <pagePath>/assets/hub.css}), so that it falls under that set's open assets
 * @param htmx     whether the page loads htmx (and its settings)
 * @param styles   style sheets after the hub's own
 * @param scripts  scripts, loaded deferred in this order
 */
public record Layout(String title, String pagePath, boolean htmx, List<String> styles, List<String> scripts) {

    public Layout {
        styles = List.copyOf(styles);
        scripts = List.copyOf(scripts);
    }

    /** A page without scripts, such as a sign-in form. */
    public static Layout plain(String title, String pagePath) {
        return new Layout(title, pagePath, false, List.of(), List.of());
    }

    /**
     * A page with htmx and Chart.js from their WebJars below {@code pagePath}, then its own style sheets and
     * scripts.
     */
    public static Layout withCharts(String title, String pagePath, List<String> styles, List<String> scripts) {
        List<String> all = new ArrayList<>(List.of(pagePath + "/webjars/htmx.org/dist/htmx.min.js",
                pagePath + "/webjars/chart.js/dist/chart.umd.js"));
        all.addAll(scripts);
        return new Layout(title, pagePath, true, styles, all);
    }
}
