package dev.texreport.core.checks;

import dev.texreport.core.Problem;
import dev.texreport.core.ReportException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check of a typeset milestone, in the order their problems are reported: where floats landed, the course's
 * content rules, tweaks in the sources, the PDF's format, and last the page budget (whose message is the summary of
 * a failed build).
 */
public final class MilestoneChecks {
    private final List<MilestoneCheck> checks = List.of(new StrayFloatCheck(), new ContentRules(),
            new StyleTweaks(), new PaperSizeCheck(), new FontCheck(), new MarginCheck(), new FloatSizeCheck(),
            new AnonymityCheck(),
            new PageLimitCheck());

    /**
     * Loads and runs the PDF reading code once on every page of {@code pdf}, so that the first real check does not
     * pay for it (see the build's warm-up).
     */
    public static void warmUp(java.nio.file.Path pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                FontCheck.collect(document.getPage(i).getResources(), i + 1, new java.util.LinkedHashMap<>(),
                        new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>(),
                        new java.util.LinkedHashSet<>(), false);
            }
            MarginCheck.overflow(document, document.getNumberOfPages(), 108, 504, false);
        }
    }

    /** Runs every check; the PDF is read once and closed afterwards. */
    public List<Problem> run(CheckInput input) throws ReportException {
        List<Problem> problems = new ArrayList<>();
        try (CheckedPdf pdf = input.pdf()) {
            for (MilestoneCheck check : checks) {
                problems.addAll(check.check(input));
            }
        }
        return problems;
    }
}
