package dev.texreport.core.checks;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.FormatCheck;
import dev.texreport.core.Problem;
import dev.texreport.core.ReportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Every font embedded (fonts-embedded), and no bitmap Type 3 fonts (type3-fonts), in pages and their figures. A Type 3
 * font has one of two causes, told apart by where it sits, not guessed: in a page's own resources it is text TeX
 * typeset from a METAFONT bitmap (a T1-encoded Computer Modern font without its Type 1 version, named in the log as
 * {@code ectt1000.600pk}); inside an included figure (a form XObject) the figure brought it (matplotlib's default).
 */
final class FontCheck implements MilestoneCheck {
    /** pdfTeX lists the bitmap fonts it embedded at the end of its log, e.g. {@code <.../ec/ectt1000.600pk>}. */
    private static final java.util.regex.Pattern PK_FONT = java.util.regex.Pattern.compile(
            "([A-Za-z0-9]+)\\.\\d+pk>");

    @Override
    public List<Problem> check(CheckInput input) throws ReportException {
        PDDocument document = input.pdf().document();
        Map<String, Set<Integer>> notEmbedded = new LinkedHashMap<>();
        Map<String, Set<Integer>> type3 = new LinkedHashMap<>();
        Map<String, Set<Integer>> type3InFigures = new LinkedHashMap<>();
        try {
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                collect(document.getPage(i).getResources(), i + 1, notEmbedded, type3, type3InFigures,
                        new LinkedHashSet<>(), false);
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the fonts of " + input.pdf().file() + ": " + e.getMessage(),
                    e);
        }
        List<Problem> problems = new ArrayList<>();
        notEmbedded.forEach((font, pages) -> problems.add(Findings.of(input, FormatCheck.FONTS_EMBEDDED,
                pages.iterator().next(), "font " + font + " is not embedded (" + Findings.pages(pages) + "); a figure"
                        + " made outside LaTeX may use it: export the figure with embedded fonts (e.g. pdf.fonttype 42"
                        + " in matplotlib)")));
        if (!type3.isEmpty()) {
            Set<Integer> pages = new TreeSet<>();
            type3.values().forEach(pages::addAll);
            problems.add(Findings.of(input, FormatCheck.TYPE3_FONTS, pages.iterator().next(), typesetMessage(
                    pages, bitmapFonts(input.aux()))));
        }
        type3InFigures.forEach((font, pages) -> problems.add(Findings.of(input, FormatCheck.TYPE3_FONTS,
                pages.iterator().next(), "bitmap (Type 3) font " + font + " in an included figure on "
                        + Findings.pages(pages) + "; usually a matplotlib figure: set"
                        + " matplotlib.rcParams['pdf.fonttype'] = 42, or draw the figure with <@lineplot>")));
        return problems;
    }

    /** Text TeX typeset from bitmaps: the cause and the cure, with the fonts' names from the log when it has them. */
    static String typesetMessage(Set<Integer> pages, List<String> bitmapFonts) {
        return "bitmap (Type 3) fonts in the text on " + Findings.pages(pages) + ": TeX typeset "
                + (bitmapFonts.isEmpty() ? "it" : String.join(", ", bitmapFonts)) + " from bitmaps, because a"
                + " T1-encoded font (\\usepackage[T1]{fontenc} with Computer Modern, e.g. the typewriter font of"
                + " e-mail addresses) has no Type 1 version on this machine: install cm-super (Debian/Ubuntu: sudo"
                + " apt-get install cm-super) or add \\usepackage{lmodern} to preamble.tex";
    }

    /** The bitmap fonts pdfTeX embedded, by the names its log gives them (ectt1000), in order. */
    static List<String> bitmapFonts(java.nio.file.Path aux) {
        java.nio.file.Path log = aux.resolveSibling(aux.getFileName().toString().replaceFirst("\\.aux$", ".log"));
        Set<String> names = new LinkedHashSet<>();
        try {
            // The log wraps its lines at 79 characters, also inside a file name.
            java.util.regex.Matcher m = PK_FONT.matcher(java.nio.file.Files.readString(log,
                    java.nio.charset.StandardCharsets.ISO_8859_1).replace("\n", ""));
            while (m.find()) {
                names.add(m.group(1));
            }
        } catch (IOException e) {
            return List.of(); // no log to read: the message names no font
        }
        return List.copyOf(names);
    }

    /** pdfTeX names the glyphs of a METAFONT bitmap font a0, a1, ... (their character codes). */
    static boolean texBitmap(COSDictionary type3) {
        COSDictionary glyphs = type3.getCOSDictionary(COSName.CHAR_PROCS);
        return glyphs != null && glyphs.size() > 0
                && glyphs.keySet().stream().allMatch(name -> name.getName().matches("a\\d+"));
    }

    /**
     * Whether the font's program is in the PDF: its descriptor (a composite font's, in its descendant) names a font
     * file. Read from the font's dictionary, not from a PDFBox font object, whose making parses the program: the
     * pages the margin check takes from its cache need no font parsed at all.
     */
    static boolean embedded(COSDictionary font) {
        COSDictionary descriptor = font.getCOSDictionary(COSName.FONT_DESC);
        COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
        if (COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE)) && descendants != null && descendants.size() > 0
                && descendants.getObject(0) instanceof COSDictionary descendant) {
            descriptor = descendant.getCOSDictionary(COSName.FONT_DESC);
        }
        return descriptor != null && (descriptor.containsKey(COSName.FONT_FILE)
                || descriptor.containsKey(COSName.FONT_FILE2) || descriptor.containsKey(COSName.FONT_FILE3));
    }

    static void collect(PDResources resources, int page, Map<String, Set<Integer>> notEmbedded,
                        Map<String, Set<Integer>> type3, Map<String, Set<Integer>> type3InFigures,
                        Set<COSName> visiting, boolean inFigure) throws IOException {
        if (resources == null) {
            return;
        }
        COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        for (COSName name : fonts == null ? Set.<COSName>of() : fonts.keySet()) {
            COSDictionary font = fonts.getCOSDictionary(name);
            if (font == null) {
                continue;
            }
            boolean bitmap = COSName.TYPE3.equals(font.getCOSName(COSName.SUBTYPE));
            String fontName = font.getNameAsString(bitmap ? COSName.NAME : COSName.BASE_FONT);
            fontName = fontName == null ? name.getName() : fontName;
            if (bitmap) {
                // A figure made by TeX (an externalised TikZ picture) carries TeX's bitmaps: the same cause.
                (inFigure && !texBitmap(font) ? type3InFigures : type3).computeIfAbsent(fontName,
                        k -> new TreeSet<>()).add(page);
            } else if (!embedded(font)) {
                notEmbedded.computeIfAbsent(fontName, k -> new TreeSet<>()).add(page);
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form && visiting.add(name)) {
                collect(form.getResources(), page, notEmbedded, type3, type3InFigures, visiting, true);
            }
        }
    }
}
