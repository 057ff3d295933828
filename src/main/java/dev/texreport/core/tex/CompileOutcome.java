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
 * @param readBack     the files in the working directory TeX reads back in the next pass (.aux, .bbl, ...)
 */
public record CompileOutcome(Path pdf, List<TexMessage> messages, int enginePasses, int bibRuns,
                             java.util.Set<String> readBack) {
    public CompileOutcome {
        messages = List.copyOf(messages);
        readBack = java.util.Set.copyOf(readBack);
    }
}
