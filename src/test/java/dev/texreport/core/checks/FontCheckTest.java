package dev.texreport.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Type 3 hint names the real cause, decided from where the font sits and how its glyphs are named. */
class FontCheckTest {
    @TempDir
    Path dir;

    @Test
    void bitmapTextOfTexIsToldFromAFigureFont() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            PDResources resources = new PDResources();
            // Text TeX typeset from a PK bitmap: pdfTeX names the glyphs by their codes.
            resources.put(COSName.getPDFName("F53"), new PDType3Font(type3("a104", "a105")));
            // A matplotlib figure with its own Type 3 font (glyphs named as in the font).
            PDFormXObject matplotlib = new PDFormXObject(document);
            matplotlib.setResources(new PDResources());
            matplotlib.getResources().put(COSName.getPDFName("F1"), new PDType3Font(type3("one", "period")));
            resources.put(COSName.getPDFName("Fig1"), matplotlib);
            // An externalised TikZ picture made by pdfTeX, with TeX's bitmaps inside.
            PDFormXObject tikz = new PDFormXObject(document);
            tikz.setResources(new PDResources());
            tikz.getResources().put(COSName.getPDFName("F9"), new PDType3Font(type3("a65")));
            resources.put(COSName.getPDFName("Fig2"), tikz);
            page.setResources(resources);

            Map<String, Set<Integer>> notEmbedded = new LinkedHashMap<>();
            Map<String, Set<Integer>> typeset = new LinkedHashMap<>();
            Map<String, Set<Integer>> figures = new LinkedHashMap<>();
            FontCheck.collect(page.getResources(), 1, notEmbedded, typeset, figures, new LinkedHashSet<>(), false);
            assertEquals(Set.of("F53", "F9"), typeset.keySet(), "TeX's bitmaps, on the page and in TeX's figure");
            assertEquals(Set.of("F1"), figures.keySet(), "the figure's own font");
        }
    }

    @Test
    void aFontIsEmbeddedWhenItsDescriptorOrItsDescendantsNamesAFontFile() {
        COSDictionary standard = new COSDictionary();
        standard.setItem(COSName.SUBTYPE, COSName.TYPE1);
        standard.setName(COSName.BASE_FONT, "Helvetica");
        assertFalse(FontCheck.embedded(standard), "a standard 14 font without a program");

        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.FONT_FILE, new COSStream());
        COSDictionary type1 = new COSDictionary();
        type1.setItem(COSName.SUBTYPE, COSName.TYPE1);
        type1.setItem(COSName.FONT_DESC, descriptor);
        assertTrue(FontCheck.embedded(type1));

        COSDictionary trueType = new COSDictionary();
        trueType.setItem(COSName.FONT_FILE2, new COSStream());
        COSDictionary descendant = new COSDictionary();
        descendant.setItem(COSName.FONT_DESC, trueType);
        COSArray descendants = new COSArray();
        descendants.add(descendant);
        COSDictionary composite = new COSDictionary();
        composite.setItem(COSName.SUBTYPE, COSName.TYPE0);
        composite.setItem(COSName.DESCENDANT_FONTS, descendants);
        assertTrue(FontCheck.embedded(composite), "a composite font's program is its descendant's");
        descendant.setItem(COSName.FONT_DESC, new COSDictionary());
        assertFalse(FontCheck.embedded(composite));
    }

    @Test
    void theMessageNamesTheBitmapFontsFromTheLogAndTheCure() throws Exception {
        Path aux = dir.resolve("main.aux");
        // pdfTeX's closing list of embedded fonts; the log breaks lines at 79 characters, here inside a name.
        Files.writeString(dir.resolve("main.log"), "Output written ...\n</usr/share/texlive/texmf-dist/fonts/type1/"
                + "public/amsfonts/cm/cmr10.pfb></var/lib/texmf/fonts/pk/ljfour/jknappen/ec/ectt1000.600pk></var/lib/\n"
                + "texmf/fonts/pk/ljfour/jknappen/ec/ectt0900.6\n00pk>\n", StandardCharsets.ISO_8859_1);
        List<String> fonts = FontCheck.bitmapFonts(aux);
        assertEquals(List.of("ectt1000", "ectt0900"), fonts);
        String message = FontCheck.typesetMessage(new java.util.TreeSet<>(Set.of(1, 3)), fonts);
        assertTrue(message.startsWith("bitmap (Type 3) fonts in the text on pages 1, 3: TeX typeset ectt1000,"
                + " ectt0900 from bitmaps, because a T1-encoded font"), message);
        assertTrue(message.endsWith("install cm-super (Debian/Ubuntu: sudo apt-get install cm-super) or add"
                + " \\usepackage{lmodern} to preamble.tex"), message);
        assertTrue(FontCheck.bitmapFonts(dir.resolve("other.aux")).isEmpty(), "no log: no names");
    }

    private static COSDictionary type3(String... glyphs) {
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.getPDFName("Type3"));
        COSArray matrix = new COSArray();
        for (float v : new float[] {0.001f, 0, 0, 0.001f, 0, 0}) {
            matrix.add(new COSFloat(v));
        }
        font.setItem(COSName.FONT_MATRIX, matrix);
        COSArray box = new COSArray();
        for (int v : new int[] {0, 0, 1000, 1000}) {
            box.add(COSInteger.get(v));
        }
        font.setItem(COSName.FONT_BBOX, box);
        COSDictionary procs = new COSDictionary();
        for (String glyph : glyphs) {
            procs.setItem(COSName.getPDFName(glyph), new COSStream());
        }
        font.setItem(COSName.CHAR_PROCS, procs);
        return font;
    }
}
