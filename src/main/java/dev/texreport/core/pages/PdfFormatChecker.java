package dev.texreport.core.pages;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.FormatCheck;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Checks a built PDF the way a chair checks a submission, without anyone opening it: US Letter on every page, every
 * font embedded, no bitmap (Type 3) fonts, nothing outside the text block on content pages, and, for anonymous
 * builds, no team member's name or e-mail anywhere in the text or the metadata.
 */
public final class PdfFormatChecker {
    private static final double LETTER_WIDTH = 612;
    private static final double LETTER_HEIGHT = 792;
    /** How far (in PDF points) ink may stray past the text block before it counts: rounding, italic overhang. */
    private static final double TOLERANCE = 3;
    private static final double BP_PER_PT = 72 / 72.27;

    /**
     * @param pdf          the PDF
     * @param contentPages content pages (the margin check covers pages up to the one where content ends)
     * @param textLeftPt   the text block's left edge in TeX points; negative skips the margin check
     * @param textWidthPt  the text block's width in TeX points
     * @param lineNumbers  whether the document has line numbers in the left margin (anonymous mode)
     * @param forbidden    strings that must not appear (team members' names and e-mails), empty when not anonymous
     */
    public List<Finding> check(Path pdf, double contentPages, double textLeftPt, double textWidthPt,
                               boolean lineNumbers, List<String> forbidden) throws EnvironmentException {
        List<Finding> findings = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            paper(document, findings);
            fonts(document, findings);
            if (textLeftPt >= 0 && textWidthPt > 0) {
                int lastContentPage = (int) Math.min(document.getNumberOfPages(), Math.ceil(contentPages));
                margins(document, lastContentPage, textLeftPt * BP_PER_PT, (textLeftPt + textWidthPt) * BP_PER_PT,
                        lineNumbers, findings);
            }
            if (!forbidden.isEmpty()) {
                anonymity(document, forbidden, findings);
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the PDF " + pdf + " to check it: " + e.getMessage(), e);
        }
        return findings;
    }

    private static void paper(PDDocument document, List<Finding> findings) {
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            PDRectangle box = document.getPage(i).getMediaBox();
            if (Math.abs(box.getWidth() - LETTER_WIDTH) > 1 || Math.abs(box.getHeight() - LETTER_HEIGHT) > 1) {
                findings.add(new Finding(FormatCheck.PAPER, i + 1, String.format(Locale.ROOT,
                        "page %d is %.0f x %.0f pt, not US Letter (612 x 792 pt); do not change the paper size",
                        i + 1, box.getWidth(), box.getHeight())));
            }
        }
    }

    private static void fonts(PDDocument document, List<Finding> findings) throws IOException {
        Map<String, Set<Integer>> notEmbedded = new LinkedHashMap<>();
        Map<String, Set<Integer>> type3 = new LinkedHashMap<>();
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            collectFonts(document.getPage(i).getResources(), i + 1, notEmbedded, type3, new LinkedHashSet<>());
        }
        notEmbedded.forEach((font, pages) -> findings.add(new Finding(FormatCheck.FONTS_EMBEDDED, pages.iterator().next(),
                "font " + font + " is not embedded (pages " + join(pages) + "); a figure made outside LaTeX may use"
                        + " it: export the figure with embedded fonts (e.g. pdf.fonttype 42 in matplotlib)")));
        type3.forEach((font, pages) -> findings.add(new Finding(FormatCheck.TYPE3_FONTS, pages.iterator().next(),
                "bitmap (Type 3) font " + font + " on pages " + join(pages) + "; usually a matplotlib figure: set "
                        + "matplotlib.rcParams['pdf.fonttype'] = 42, or draw the figure with <@lineplot>")));
    }

    private static void collectFonts(PDResources resources, int page, Map<String, Set<Integer>> notEmbedded,
                                     Map<String, Set<Integer>> type3, Set<COSName> visiting) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (font == null) {
                continue;
            }
            String fontName = font.getName() == null ? name.getName() : font.getName();
            if (font instanceof PDType3Font) {
                type3.computeIfAbsent(fontName, k -> new TreeSet<>()).add(page);
            } else if (!font.isEmbedded()) {
                notEmbedded.computeIfAbsent(fontName, k -> new TreeSet<>()).add(page);
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form && visiting.add(name)) {
                collectFonts(form.getResources(), page, notEmbedded, type3, visiting);
            }
        }
    }

    private static void margins(PDDocument document, int lastPage, double left, double right, boolean lineNumbers,
                                List<Finding> findings) throws IOException {
        Map<Integer, Double> worst = new LinkedHashMap<>();
        PDFTextStripper text = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition glyph) {
                String unicode = glyph.getUnicode();
                double x = glyph.getXDirAdj();
                double end = x + glyph.getWidthDirAdj();
                boolean lineNumber = lineNumbers && unicode != null && unicode.matches("\\d+") && x < left;
                if (!lineNumber && unicode != null && !unicode.isBlank()) {
                    record(worst, getCurrentPageNo(), Math.max(left - x, end - right));
                }
            }
        };
        text.setStartPage(1);
        text.setEndPage(lastPage);
        text.getText(document);
        for (int i = 0; i < lastPage; i++) {
            int page = i + 1;
            new InkBounds(document.getPage(i), left, right, overflow -> record(worst, page, overflow)).processPage(
                    document.getPage(i));
        }
        worst.forEach((page, overflow) -> {
            if (overflow > TOLERANCE) {
                findings.add(new Finding(FormatCheck.MARGINS, page, String.format(Locale.ROOT,
                        "page %d: text or a figure reaches %.0f pt into the margin; keep figures and tables within the"
                                + " text width (e.g. width=\\linewidth) and do not change the margins", page, overflow)));
            }
        });
    }

    private static void record(Map<Integer, Double> worst, int page, double overflow) {
        worst.merge(page, overflow, Math::max);
    }

    private static void anonymity(PDDocument document, List<String> forbidden, List<Finding> findings)
            throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        for (int i = 1; i <= document.getNumberOfPages(); i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            String text = stripper.getText(document).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            for (String word : forbidden) {
                if (text.contains(word.toLowerCase(Locale.ROOT))) {
                    findings.add(new Finding(FormatCheck.ANONYMITY, i, "page " + i + " shows '" + word
                            + "' in an anonymous PDF; remove it (write about your own earlier work in the third person)"));
                }
            }
        }
        PDDocumentInformation info = document.getDocumentInformation();
        StringBuilder metadata = new StringBuilder();
        for (String value : new String[] {info.getTitle(), info.getAuthor(), info.getSubject(), info.getKeywords(),
            info.getCreator()}) {
            metadata.append(value == null ? "" : value).append('\n');
        }
        if (document.getDocumentCatalog().getMetadata() != null) {
            metadata.append(new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        String meta = metadata.toString().toLowerCase(Locale.ROOT);
        for (String word : forbidden) {
            if (meta.contains(word.toLowerCase(Locale.ROOT))) {
                findings.add(new Finding(FormatCheck.ANONYMITY, 0, "the PDF's metadata contains '" + word
                        + "' in an anonymous PDF; a figure or package may set it (e.g. hyperref's pdfauthor)"));
            }
        }
    }

    private static String join(Set<Integer> pages) {
        return String.join(", ", pages.stream().map(String::valueOf).toList());
    }

    /**
     * The horizontal extent of images and of drawn or filled paths on a page: a figure that sticks out of the text
     * block is caught even when it has no text.
     */
    private static final class InkBounds extends PDFGraphicsStreamEngine {
        private final double left;
        private final double right;
        private final java.util.function.DoubleConsumer overflow;
        private double minX = Double.MAX_VALUE;
        private double maxX = -Double.MAX_VALUE;
        private final Point2D.Float current = new Point2D.Float();

        InkBounds(PDPage page, double left, double right, java.util.function.DoubleConsumer overflow) {
            super(page);
            this.left = left;
            this.right = right;
            this.overflow = overflow;
        }

        private void extend(Point2D point) {
            minX = Math.min(minX, point.getX());
            maxX = Math.max(maxX, point.getX());
        }

        private void flush() {
            if (minX <= maxX) {
                overflow.accept(Math.max(left - minX, maxX - right));
            }
            minX = Double.MAX_VALUE;
            maxX = -Double.MAX_VALUE;
        }

        @Override
        public void drawImage(PDImage image) {
            Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
            for (float[] corner : new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
                extend(ctm.transformPoint(corner[0], corner[1]));
            }
            flush();
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            extend(p0);
            extend(p1);
            extend(p2);
            extend(p3);
        }

        @Override
        public void moveTo(float x, float y) {
            current.setLocation(x, y);
            extend(current);
        }

        @Override
        public void lineTo(float x, float y) {
            current.setLocation(x, y);
            extend(current);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current.setLocation(x3, y3);
            extend(current);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void clip(int windingRule) {
            // clipping paths are not ink
        }

        @Override
        public void closePath() {
            // the points are already counted
        }

        @Override
        public void endPath() {
            minX = Double.MAX_VALUE;
            maxX = -Double.MAX_VALUE;
        }

        @Override
        public void strokePath() {
            flush();
        }

        @Override
        public void fillPath(int windingRule) {
            flush();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            flush();
        }

        @Override
        public void shadingFill(COSName shadingName) {
            // shadings are drawn inside a clip that a path already described
        }
    }
}
