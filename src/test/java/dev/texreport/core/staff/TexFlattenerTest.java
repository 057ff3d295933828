package dev.texreport.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TexFlattenerTest {
    @TempDir
    Path dir;

    private Path write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void inputsAreInlinedAndTheReferenceListTakesThePlaceOfBibliography() throws Exception {
        write("work/main.tex", "\\begin{document}\n\\input{sections/01-intro}\n% \\input{sections/02-hidden}\n"
                + "Done.\\input{table}\n\\bibliography{references}\n\\end{document}\n");
        write("work/sections/01-intro.tex", "\\section{Intro}\nText 50\\% done.\n");
        write("work/sections/02-hidden.tex", "never inlined\n");
        write("src/table.tex", "A table from the search path.");
        write("work/main.bbl", "\\begin{thebibliography}{1}\n\\bibitem{a} A.\n\\end{thebibliography}\n");
        String flat = new TexFlattener(dir.resolve("work"), List.of(dir.resolve("src"))).flatten("main.tex");
        assertEquals("\\begin{document}\n\\section{Intro}\nText 50\\% done.\n\n% \\input{sections/02-hidden}\n"
                + "Done.A table from the search path.\n\n\\begin{thebibliography}{1}\n\\bibitem{a} A.\n"
                + "\\end{thebibliography}\n\\end{document}\n", flat);
    }

    @Test
    void namesTexWouldRefuseAreLeftForTexToRefuse() throws Exception {
        write("secret.tex", "outside the working directory");
        write("work/.hidden.tex", "a dot file");
        String main = "\\input{/etc/hostname}\n\\input{../secret}\n\\input{.hidden}\n\\input{sub/../../secret}\n";
        write("work/main.tex", main);
        TexFlattener flattener = new TexFlattener(dir.resolve("work"), List.of());
        assertEquals(main, flattener.flatten("main.tex"));
        assertNull(flattener.resolve("/etc/hostname"));
        assertNull(flattener.resolve("C:secret"));
    }

    @Test
    void aLinkOutOfTheWorkingDirectoryIsNotFollowed() throws Exception {
        write("secret.tex", "outside");
        Files.createDirectories(dir.resolve("work"));
        Files.createSymbolicLink(dir.resolve("work/link.tex"), dir.resolve("secret.tex"));
        write("work/main.tex", "\\input{link}\n");
        assertEquals("\\input{link}\n", new TexFlattener(dir.resolve("work"), List.of()).flatten("main.tex"));
    }

    @Test
    void aFileThatInputsItselfIsInlinedOnce() throws Exception {
        write("work/main.tex", "\\input{a}\n");
        write("work/a.tex", "A \\input{a} again");
        assertEquals("A \\input{a} again\n\n", new TexFlattener(dir.resolve("work"), List.of()).flatten("main.tex"));
    }
}
