package dev.texreport.core.tex;

import java.util.List;

/**
 * The engine or bibtex stopped with an error. Carries TeX's messages as TeX located them; the caller maps them to
 * the team's source files.
 */
public final class TexFailure extends Exception {
    private final List<TexMessage> messages;
    private final List<String> logTail;

    public TexFailure(String summary, List<TexMessage> messages, List<String> logTail) {
        super(summary);
        this.messages = List.copyOf(messages);
        this.logTail = List.copyOf(logTail);
    }

    public List<TexMessage> messages() {
        return messages;
    }

    /** The last lines of the log, for failures no rule recognised. */
    public List<String> logTail() {
        return logTail;
    }
}
