package dev.texreport.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** What reaches past the text block, and which pages a second check reads again. */
class MarginCheckTest {
    private static final double LEFT = 108;
    private static final double RIGHT = 504;

    /** One page per entry: a line of text at x, or (x &lt; 0) a filled box from 90 to 560. */
    private static PDDocument document(Standard14Fonts.FontName font, List<Integer> xs) throws Exception {
        PDDocument document = new PDDocument();
        for (int x : xs) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                if (x < 0) {
                    content.addRect(90, 300, 470, 100);
                    content.fill();
                } else {
                    content.beginText();
                    content.setFont(new PDType1Font(font), 10);
                    content.newLineAtOffset(x, 600);
                    content.showText("A line of text that is about this long.");
                    content.endText();
                }
            }
        }
        return document;
    }

    private static Map<Integer, Double> check(Standard14Fonts.FontName font, List<Integer> xs) throws Exception {
        try (PDDocument document = document(font, xs)) {
            return MarginCheck.overflow(document, xs.size(), LEFT, RIGHT, false);
        }
    }

    @Test
    void textAndPathsPastTheTextBlockAreMeasuredAndUnchangedPagesAreNotReadAgain() throws Exception {
        Standard14Fonts.FontName font = Standard14Fonts.FontName.HELVETICA;
        long before = MarginCheck.READ.get();
        Map<Integer, Double> first = check(font, List.of(120, 400, -1));
        assertEquals(3, MarginCheck.READ.get() - before);
        assertTrue(first.get(1) < 0, "page 1 stays inside: " + first);
        assertTrue(first.get(2) > 50, "page 2's line runs past the right edge: " + first);
        assertEquals(56, first.get(3), 0.01, "page 3's box ends 56 pt past the right edge (and starts 18 pt left)");

        before = MarginCheck.READ.get();
        Map<Integer, Double> edited = check(font, List.of(120, 130, -1));
        assertEquals(1, MarginCheck.READ.get() - before, "only the changed page is read again");
        assertEquals(first.get(1), edited.get(1));
        assertTrue(edited.get(2) < 0, "page 2 now fits: " + edited);
        assertEquals(first.get(3), edited.get(3));
    }

    @Test
    void theSameTextInAnotherFontIsAnotherPage() throws Exception {
        Map<Integer, Double> helvetica = check(Standard14Fonts.FontName.HELVETICA, List.of(300));
        long before = MarginCheck.READ.get();
        Map<Integer, Double> courier = check(Standard14Fonts.FontName.COURIER, List.of(300));
        assertEquals(1, MarginCheck.READ.get() - before, "a page's fonts are part of what it draws");
        assertTrue(courier.get(1) > helvetica.get(1), "Courier's wider glyphs reach further: " + helvetica
                + " " + courier);
    }
}
