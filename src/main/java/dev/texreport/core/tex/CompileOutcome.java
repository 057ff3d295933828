package dev.texreport.core.tex;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished compilation.
 *
 * @param pdf          the PDF in the working directory
 * @param messages     warnings of the last pass (undefined references, overfull boxes, ...)
 * @param enginePasses how many times the engine ran
 * @param bibRuns      how many times bibtex or biber ran
 */
public record CompileOutcome(Path pdf, List<TexMessage> messages, int enginePasses, int bibRuns) {
    public CompileOutcome {
        messages = List.copyOf(messages);
    }
}
