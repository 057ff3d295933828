package dev.texreport.core;

import java.util.List;

/** The team's sources (templates, results, LaTeX) are wrong; each problem is a {@link Diagnostic}. */
public class SourceException extends ReportException {
    private final List<Diagnostic> diagnostics;

    public SourceException(String summary, List<Diagnostic> diagnostics) {
        super(summary);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public SourceException(Diagnostic diagnostic) {
        this(diagnostic.message(), List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }


    @Override
    public boolean isUserMistake() {
        return true;
    }
}
