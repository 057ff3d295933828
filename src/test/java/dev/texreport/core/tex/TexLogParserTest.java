package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Log excerpts as pdflatex 1.40 (TeX Live 2022) prints them with -file-line-error and unwrapped lines. */
class TexLogParserTest {
    private final TexLogParser parser = new TexLogParser(5.0);

    @Test
    void anUndefinedControlSequenceNamesTheFileLineAndTheCommand() {
        List<TexMessage> messages = parser.parse(List.of(
                "(./main.tex",
                "(./sections/01-intro.tex",
                "./sections/01-intro.tex:2: Undefined control sequence.",
                "l.2 \\bfx",
                "          more",
                "The control sequence at the end of the top line",
                ")"), List.of());
        assertEquals(List.of(new TexMessage(TexMessage.Kind.ERROR, "sections/01-intro.tex", 2,
                "Undefined control sequence \\bfx", "")), messages);
    }

    /** In a picture tikz's external library collected, the undefined command is in the argument, not on l.N. */
    @Test
    void anUndefinedControlSequenceInACollectedPictureIsNamedFromTheArgument() {
        List<TexMessage> messages = parser.parse(List.of(
                "(./main.tex",
                "(./sections/02-more.tex",
                "./sections/02-more.tex:7: Undefined control sequence.",
                "<argument>  \\draw (0,0) -- (1,1); \\nosuchmacro ",
                "                                               ",
                "l.7 \\end{tikzpicture}",
                ")"), List.of());
        assertEquals(List.of(new TexMessage(TexMessage.Kind.ERROR, "sections/02-more.tex", 7,
                "Undefined control sequence \\nosuchmacro", "")), messages);
    }

    @Test
    void aMissingPackageIsRecognisedWithItsFileName() {
        List<TexMessage> messages = parser.parse(List.of(
                "(./main.tex",
                "./main.tex:3: LaTeX Error: File `doesnotexist.sty' not found.",
                "",
                "Type X to quit or <RETURN> to proceed,",
                "l.3 \\usepackage",
                "./main.tex:3:  ==> Fatal error occurred, no output PDF file produced!"), List.of());
        assertEquals(1, messages.size());
        assertEquals(TexMessage.Kind.MISSING_FILE, messages.get(0).kind());
        assertEquals("doesnotexist.sty", messages.get(0).subject());
        assertEquals(3, messages.get(0).line());
    }

    @Test
    void readsOutsideTheProjectAndShellEscapeAreRecognised() {
        List<TexMessage> messages = parser.parse(
                List.of("runsystem(touch pwned)...disabled."),
                List.of("pdflatex: Not reading from /etc/hostname (openin_any = p)."));
        assertEquals(TexMessage.Kind.READ_BLOCKED, messages.get(0).kind());
        assertEquals("/etc/hostname", messages.get(0).subject());
        assertEquals(TexMessage.Kind.SHELL_ESCAPE_BLOCKED, messages.get(1).kind());
        assertEquals("touch pwned", messages.get(1).subject());
    }

    @Test
    void warningsCarryTheFileTheyWereIssuedIn() {
        List<TexMessage> messages = parser.parse(List.of(
                "(./main.tex (./sections/02-method.tex",
                "LaTeX Warning: Citation `nokey' on page 1 undefined on input line 7.",
                "Package natbib Warning: Citation `other' on page 1 undefined on input line 9.",
                "LaTeX Warning: Reference `fig:x' on page 1 undefined on input line 12.",
                "Overfull \\hbox (12.3pt too wide) in paragraph at lines 20--21",
                "Overfull \\hbox (0.9pt too wide) in paragraph at lines 30--31",
                ")",
                "LaTeX Warning: Label `dup' multiply defined."), List.of());
        assertEquals(5, messages.size(), messages.toString());
        assertEquals(new TexMessage(TexMessage.Kind.UNDEFINED_CITATION, "sections/02-method.tex", 7,
                "Citation 'nokey' is undefined", "nokey"), messages.get(0));
        assertEquals("other", messages.get(1).subject());
        assertEquals(TexMessage.Kind.UNDEFINED_REFERENCE, messages.get(2).kind());
        assertEquals(new TexMessage(TexMessage.Kind.OVERFULL_BOX, "sections/02-method.tex", 20,
                "Overfull box, 12.3pt too wide", ""), messages.get(3));
        assertTrue(messages.get(4).text().contains("'dup'"));
    }

    @Test
    void aDamagedImageIsNamedWithTheLibrarysReasonFirst() {
        // pdfTeX names the file in a fatal error without a place; the open file is the section including it.
        List<TexMessage> pdftex = parser.parse(List.of(
                "(./main.tex (./sections/01.tex",
                "!pdfTeX error: /usr/bin/pdflatex (file /work/src/report/figures/bad.png): libpng: internal error",
                " ==> Fatal error occurred, no output PDF file produced!"), List.of("libpng error: Read Error"));
        assertEquals(List.of(new TexMessage(TexMessage.Kind.BAD_IMAGE, "sections/01.tex", 0,
                "the image bad.png cannot be read (libpng: internal error)", "bad.png")), pdftex);
        // LuaTeX reports it at the \\includegraphics line.
        List<TexMessage> luatex = parser.parse(List.of(
                "(./main.tex (./sections/01.tex",
                "./sections/01.tex:4: error:  (file bad.png) (readpng): internal error",
                "l.4 \\includegraphics{bad}"), List.of());
        assertEquals(List.of(new TexMessage(TexMessage.Kind.BAD_IMAGE, "sections/01.tex", 4,
                "the image bad.png cannot be read (readpng: internal error)", "bad.png")), luatex);
        // XeTeX stops inside the image library, which prints its reason on the terminal only.
        List<TexMessage> xetex = parser.parse(List.of("(./main.tex"), List.of(
                "(./main.tex (./texreport-neurips.sty) (./sections/01.texlibpng error: Read Error"));
        assertEquals(List.of(new TexMessage(TexMessage.Kind.BAD_IMAGE, "sections/01.tex", 0,
                "an image cannot be read (libpng: Read Error)", "")), xetex);
    }
}
