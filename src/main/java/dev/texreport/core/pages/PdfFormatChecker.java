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
                "font " + font + " is not embedded (" + pagesText(pages) + "); a figure made outside LaTeX may use"
                        + " it: export the figure with embedded fonts (e.g. pdf.fonttype 42 in matplotlib)")));
        type3.forEach((font, pages) -> findings.add(new Finding(FormatCheck.TYPE3_FONTS, pages.iterator().next(),
                "bitmap (Type 3) font " + font + " on " + pagesText(pages) + "; usually a matplotlib figure: set "
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
                // Rotated text (a plot's y label) is measured along its own direction; the figure's paths cover it.
                boolean upright = glyph.getDir() == 0;
                if (upright && !lineNumber && unicode != null && !unicode.isBlank()) {
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

    private static String pagesText(Set<Integer> pages) {
        return (pages.size() == 1 ? "page " : "pages ")
                + String.join(", ", pages.stream().map(String::valueOf).toList());
    }

    /**
     * The horizontal extent of images and of drawn or filled paths on a page, cut to the clipping path in force:
     * a figure that sticks out of the text block is caught even when it has no text, while lines that a plot clips
     * at its axes are not.
     */
    private static final class InkBounds extends PDFGraphicsStreamEngine {
        private final double left;
        private final double right;
        private final java.util.function.DoubleConsumer overflow;
        private final java.awt.geom.GeneralPath path = new java.awt.geom.GeneralPath();
        private boolean clipPending;
        private int clipRule;

        InkBounds(PDPage page, double left, double right, java.util.function.DoubleConsumer overflow) {
            super(page);
            this.left = left;
            this.right = right;
            this.overflow = overflow;
        }

        /** Reports the part of {@code box} that is visible (inside the clip) and ink. */
        private void ink(java.awt.geom.Rectangle2D box) {
            java.awt.geom.Rectangle2D clip = getGraphicsState().getCurrentClippingPath().getBounds2D();
            double minX = Math.max(box.getMinX(), clip.getMinX());
            double maxX = Math.min(box.getMaxX(), clip.getMaxX());
            if (minX <= maxX && box.getWidth() + box.getHeight() > 0) {
                overflow.accept(Math.max(left - minX, maxX - right));
            }
        }

        private void finishPath(boolean painted) {
            if (painted) {
                ink(path.getBounds2D());
            }
            if (clipPending) {
                path.setWindingRule(clipRule);
                getGraphicsState().intersectClippingPath(path);
                clipPending = false;
            }
            path.reset();
        }

        @Override
        public void drawImage(PDImage image) {
            Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
            java.awt.geom.Rectangle2D box = null;
            for (float[] corner : new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
                Point2D p = ctm.transformPoint(corner[0], corner[1]);
                if (box == null) {
                    box = new java.awt.geom.Rectangle2D.Double(p.getX(), p.getY(), 0, 0);
                } else {
                    box.add(p);
                }
            }
            ink(box);
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            path.moveTo((float) p0.getX(), (float) p0.getY());
            path.lineTo((float) p1.getX(), (float) p1.getY());
            path.lineTo((float) p2.getX(), (float) p2.getY());
            path.lineTo((float) p3.getX(), (float) p3.getY());
            path.closePath();
        }

        @Override
        public void moveTo(float x, float y) {
            path.moveTo(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            path.lineTo(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            path.curveTo(x1, y1, x2, y2, x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            Point2D current = path.getCurrentPoint();
            return current == null ? new Point2D.Float() : current;
        }

        @Override
        public void clip(int windingRule) {
            clipPending = true;
            clipRule = windingRule;
        }

        @Override
        public void closePath() {
            path.closePath();
        }

        @Override
        public void endPath() {
            finishPath(false);
        }

        @Override
        public void strokePath() {
            finishPath(true);
        }

        @Override
        public void fillPath(int windingRule) {
            finishPath(true);
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            finishPath(true);
        }

        @Override
        public void shadingFill(COSName shadingName) {
            // a shading fills the clip that a path already described
        }
    }
}
