package dev.texreport.core;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

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

    /** Every diagnostic formatted relative to {@code base}, one block per problem. */
    public String describe(Path base) {
        return diagnostics.stream().map(d -> d.format(base)).collect(Collectors.joining(System.lineSeparator()));
    }

    @Override
    public boolean isUserMistake() {
        return true;
    }
}
