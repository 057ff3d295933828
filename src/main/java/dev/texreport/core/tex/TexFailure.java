package dev.texreport.core.tex;

import dev.texreport.core.Diagnostic;
import java.util.List;

/**
 * The engine or bibtex stopped with an error, or the sandbox stopped the engine. Carries TeX's messages as TeX
 * located them (the caller maps them to the team's source files), and problems the plugin itself already located
 * (what the sandbox refused).
 */
public final class TexFailure extends Exception {
    private final List<TexMessage> messages;
    private final List<String> logTail;
    private final List<Diagnostic> located;

    public TexFailure(String summary, List<TexMessage> messages, List<String> logTail) {
        this(summary, messages, logTail, List.of());
    }

    public TexFailure(String summary, List<TexMessage> messages, List<String> logTail, List<Diagnostic> located) {
        super(summary);
        this.messages = List.copyOf(messages);
        this.logTail = List.copyOf(logTail);
        this.located = List.copyOf(located);
    }

    public List<TexMessage> messages() {
        return messages;
    }

    /** The last lines of the log, for failures no rule recognised. */
    public List<String> logTail() {
        return logTail;
    }

    /** Problems already located by the plugin, reported as they are. */
    public List<Diagnostic> located() {
        return located;
    }
}
