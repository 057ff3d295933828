package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a picture's job read decides when its cached PDF is made again; the document's text must not count. */
class FigureReadsTest {
    @TempDir
    Path work;

    private List<String> names(boolean fromFormat) throws Exception {
        Files.writeString(work.resolve("main.tex"), "\\documentclass{article}\n\\begin{document}\nText\n\\end{document}\n");
        Files.createDirectories(work.resolve("sections"));
        Files.writeString(work.resolve("sections/07-conclusion.tex"), "A sentence the team edits.\n");
        Files.writeString(work.resolve("loss.dat"), "1 2\n");
        Path fls = work.resolve("figures-main-figure0.fls");
        Files.writeString(fls, "PWD " + work + "\nINPUT main.tex\nINPUT sections/07-conclusion.tex\nINPUT loss.dat\n"
                + "OUTPUT figures-main-figure0.log\n");
        return FigureReads.reads(fls, work, "figures-main-figure0", "main.tex", List.of(work), fromFormat).stream()
                .map(r -> work.relativize(r.file()).toString()).toList();
    }

    @Test
    void fromTheFormatTheTextIsPastThePreambleAndDoesNotCount() throws Exception {
        // The format holds the preamble (texreport-measure.sty is never read again): the section's text is left
        // out, the data file the picture plots is kept.
        assertEquals(List.of("main.tex", "loss.dat"), names(true));
    }

    @Test
    void withoutTheMarkEveryFileCounts() throws Exception {
        assertEquals(List.of("main.tex", "sections/07-conclusion.tex", "loss.dat"), names(false));
    }
}
