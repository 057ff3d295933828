package dev.texreport.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatexOutputFormatTest {
    @Test
    void everySpecialCharacterPrintsLiterally() {
        assertEquals("resnet\\_50 \\& 100\\% \\#1 \\textasciitilde{} \\textasciicircum{} "
                        + "\\textbackslash{}input\\{/etc/hostname\\} \\$x\\$",
                LatexOutputFormat.escape("resnet_50 & 100% #1 ~ ^ \\input{/etc/hostname} $x$"));
    }

    @Test
    void characterThatT1WouldPrintAsOtherGlyphsAreSpeltOut() {
        assertEquals("a\\textless{}b\\textgreater{}c\\textbar{}\\textquotedbl{}", LatexOutputFormat.escape("a<b>c|\""));
    }

    @Test
    void nonAsciiTextAndNewlinesPassThroughButControlCharactersAreDropped() {
        assertEquals("Zoë Łukasz José\nnext", LatexOutputFormat.escape("Zoë Łukasz José\r\nnext\u0007"));
    }
}
