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
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/** Every font embedded (fonts-embedded), and no bitmap Type 3 fonts (type3-fonts), in pages and their figures. */
final class FontCheck implements MilestoneCheck {
    @Override
    public List<Problem> check(CheckInput input) throws ReportException {
        PDDocument document = input.pdf().document();
        Map<String, Set<Integer>> notEmbedded = new LinkedHashMap<>();
        Map<String, Set<Integer>> type3 = new LinkedHashMap<>();
        try {
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                collect(document.getPage(i).getResources(), i + 1, notEmbedded, type3, new LinkedHashSet<>());
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
        type3.forEach((font, pages) -> problems.add(Findings.of(input, FormatCheck.TYPE3_FONTS,
                pages.iterator().next(), "bitmap (Type 3) font " + font + " on " + Findings.pages(pages)
                        + "; usually a matplotlib figure: set matplotlib.rcParams['pdf.fonttype'] = 42, or draw the"
                        + " figure with <@lineplot>")));
        return problems;
    }

    static void collect(PDResources resources, int page, Map<String, Set<Integer>> notEmbedded,
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
                collect(form.getResources(), page, notEmbedded, type3, visiting);
            }
        }
    }
}
