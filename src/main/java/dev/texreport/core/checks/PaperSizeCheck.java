package dev.texreport.core.checks;

import dev.texreport.core.FormatCheck;
import dev.texreport.core.Problem;
import dev.texreport.core.ReportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** NeurIPS papers are US Letter on every page. */
final class PaperSizeCheck implements MilestoneCheck {
    private static final double LETTER_WIDTH = 612;
    private static final double LETTER_HEIGHT = 792;

    @Override
    public List<Problem> check(CheckInput input) throws ReportException {
        List<Problem> problems = new ArrayList<>();
        PDDocument document = input.pdf().document();
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            PDRectangle box = document.getPage(i).getMediaBox();
            if (Math.abs(box.getWidth() - LETTER_WIDTH) > 1 || Math.abs(box.getHeight() - LETTER_HEIGHT) > 1) {
                problems.add(Findings.of(input, FormatCheck.PAPER, i + 1, String.format(Locale.ROOT,
                        "page %d is %.0f x %.0f pt, not US Letter (612 x 792 pt); do not change the paper size",
                        i + 1, box.getWidth(), box.getHeight())));
            }
        }
        return problems;
    }
}
