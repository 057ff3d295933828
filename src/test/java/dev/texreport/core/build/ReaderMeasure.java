package dev.texreport.core.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Measures a PDF the way a reader with a ruler would: where on which page a given line of text starts. */
final class ReaderMeasure {
    private ReaderMeasure() {
    }

    /**
     * Pages before the first line that starts with {@code text}: its page minus one plus how far down the text block
     * its top is. {@code textTop} and {@code textHeight} are in PDF points.
     */
    static double pagesBefore(Path pdf, String text, double textTop, double textHeight) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            double[] found = {-1, -1};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String line, List<TextPosition> positions) throws IOException {
                    if (found[0] < 0 && line.strip().startsWith(text) && !positions.isEmpty()) {
                        TextPosition first = positions.get(0);
                        found[0] = getCurrentPageNo();
                        found[1] = first.getYDirAdj() - first.getHeightDir();
                    }
                    super.writeString(line, positions);
                }
            };
            stripper.getText(document);
            if (found[0] < 0) {
                throw new AssertionError("'" + text + "' is not in " + pdf);
            }
            return found[0] - 1 + (found[1] - textTop) / textHeight;
        }
    }
}
