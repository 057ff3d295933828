package dev.texreport.core.template.vocab;

import freemarker.core.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * The panels of a {@code <@figure>} being rendered: the plot calls in its body add their drawing here instead of
 * writing a figure of their own. Kept in the template environment's custom state, so a figure sees only its own
 * body's calls.
 */
final class Panels {
    private static final Object KEY = new Object();

    /** One panel: its drawing, sub-caption and label, the names its legend would show, and its data's origin. */
    record Panel(String drawing, String caption, String label, List<PlotWriter.Entry> legend, String provenance) { }

    private final List<Panel> panels = new ArrayList<>();

    /** The figure being rendered around the current call, or null outside a {@code <@figure>}. */
    static Panels current(Environment env) {
        return env == null ? null : (Panels) env.getCustomState(KEY);
    }

    /** Makes {@code panels} the current figure's; returns the one it replaces (figures may not nest). */
    static Panels enter(Environment env, Panels panels) {
        Panels before = current(env);
        env.setCustomState(KEY, panels);
        return before;
    }

    static void leave(Environment env, Panels before) {
        env.setCustomState(KEY, before);
    }

    void add(Panel panel) {
        panels.add(panel);
    }

    List<Panel> panels() {
        return List.copyOf(panels);
    }
}
