package dev.texreport.core.checks;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.FormatCheck;
import dev.texreport.core.Mode;
import dev.texreport.core.Problem;
import dev.texreport.core.ReportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Nothing outside the text block on content pages: text (measured glyph by glyph) and figures (images and painted
 * paths, {@link InkBounds}). Line numbers of anonymous builds sit in the margin on purpose.
 */
final class MarginCheck implements MilestoneCheck {
    /** How far (in PDF points) ink may stray past the text block before it counts: rounding, italic overhang. */
    private static final double TOLERANCE = 3;
    private static final double BP_PER_PT = 72 / 72.27;
    /**
     * The largest overflow of each page measured so far in this JVM, by {@link PageDigest} (NaN: nothing drawn);
     * the least recently used go first past 1024 pages.
     */
    /** How many pages were read (not taken from {@link #MEASURED}), for tests. */
    static final AtomicLong READ = new AtomicLong();
    private static final Map<String, Double> MEASURED = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
                    return size() > 1024;
                }
            });

    @Override
    public List<Problem> check(CheckInput input) throws ReportException {
        double textLeft = input.measure().textLeftPt();
        double textWidth = input.measure().textWidthPt();
        if (textLeft < 0 || textWidth <= 0) {
            return List.of();
        }
        PDDocument document = input.pdf().document();
        int lastContentPage = (int) Math.min(document.getNumberOfPages(),
                Math.ceil(input.measure().contentPages()));
        Map<Integer, Double> worst;
        try {
            worst = overflow(document, lastContentPage, textLeft * BP_PER_PT, (textLeft + textWidth) * BP_PER_PT,
                    input.request().mode() == Mode.ANONYMOUS);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the pages of " + input.pdf().file() + ": " + e.getMessage(),
                    e);
        }
        List<Problem> problems = new ArrayList<>();
        worst.forEach((page, overflow) -> {
            if (overflow > TOLERANCE) {
                problems.add(Findings.of(input, FormatCheck.MARGINS, page, String.format(Locale.ROOT,
                        "page %d: text or a figure reaches %.0f pt into the margin; keep figures and tables within the"
                                + " text width (e.g. width=\\linewidth) and do not change the margins", page, overflow)));
            }
        });
        return problems;
    }

    /**
     * The largest overflow past either edge of the text block, by page, on pages 1 to {@code lastPage}. A page this
     * JVM measured before with the same text block ({@link PageDigest}: same content, same fonts and images) is not
     * read again: in {@code report:watch} an edit changes a page or two, and reading every glyph of the others was
     * most of the checks' time (the demo's final: 90 of 120 ms).
     */
    static Map<Integer, Double> overflow(PDDocument document, int lastPage, double left, double right,
                                         boolean lineNumbers) throws IOException {
        Map<Integer, Double> worst = new TreeMap<>();
        TreeMap<Integer, String> unread = new TreeMap<>();
        PageDigest digests = new PageDigest();
        String context = left + " " + right + " " + lineNumbers;
        for (int page = 1; page <= lastPage; page++) {
            String digest = digests.of(document.getPage(page - 1), context);
            Double known = MEASURED.get(digest);
            if (known == null) {
                unread.put(page, digest);
            } else if (!known.isNaN()) {
                worst.put(page, known);
            }
        }
        if (unread.isEmpty()) {
            return worst;
        }
        Map<Integer, Double> read = new TreeMap<>();
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
                    read.merge(getCurrentPageNo(), Math.max(left - x, end - right), Math::max);
                }
            }
        };
        READ.addAndGet(unread.size());
        text.setStartPage(unread.firstKey());
        text.setEndPage(unread.lastKey());
        text.getText(document);
        for (int page : unread.keySet()) {
            new InkBounds(document.getPage(page - 1), left, right, overflow -> read.merge(page, overflow, Math::max))
                    .processPage(document.getPage(page - 1));
        }
        unread.forEach((page, digest) -> {
            Double found = read.get(page);
            MEASURED.put(digest, found == null ? Double.NaN : found);
            if (found != null) {
                worst.put(page, found);
            }
        });
        return worst;
    }
}
