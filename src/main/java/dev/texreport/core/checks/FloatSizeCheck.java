package dev.texreport.core.checks;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.FormatCheck;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.Problem;
import dev.texreport.core.ReportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A results table or figure that does not fit: wider than the text (cells running into the margin) or taller than
 * the text block (rows running off the page, so the PDF shows little more than the caption). The results calls set
 * their tabular or drawing in a box and write its size and the text block's to the .aux
 * ({@code \@gobble{texreport-box{kind}{place}{label}{wd}{ht}{dp}{linewidth}{textheight}}}); this check reads them.
 */
final class FloatSizeCheck implements MilestoneCheck {
    private static final Pattern BOX = Pattern.compile("\\\\@gobble\\{texreport-box\\{(\\w+)}\\{([^}]*)}\\{([^}]*)}"
            + "\\{([\\d.]+)pt}\\{([\\d.]+)pt}\\{([\\d.]+)pt}\\{([\\d.]+)pt}\\{([\\d.]+)pt}}");
    /** Points a box may exceed the text width by before it counts: rounding, a sliver of a rule. */
    private static final double TOLERANCE = 1;

    @Override
    public List<Problem> check(CheckInput input) throws ReportException {
        if (input.aux() == null || !Files.isRegularFile(input.aux())) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(input.aux(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + input.aux() + ": " + e.getMessage(), e);
        }
        String templates = ProjectPaths.relative(input.request().projectDir(), input.request().sourceDir());
        List<Problem> problems = new ArrayList<>();
        for (String line : lines) {
            Matcher m = BOX.matcher(line);
            if (!m.find()) {
                continue;
            }
            String kind = m.group(1).equals("table") ? "results table" : "figure";
            String label = m.group(3).isEmpty() ? "" : " '" + m.group(3) + "'";
            String where = m.group(2).isEmpty() ? "" : templates + "/" + m.group(2) + ": ";
            double width = Double.parseDouble(m.group(4));
            double height = Double.parseDouble(m.group(5)) + Double.parseDouble(m.group(6));
            double lineWidth = Double.parseDouble(m.group(7));
            double textHeight = Double.parseDouble(m.group(8));
            if (width > lineWidth + TOLERANCE) {
                problems.add(Findings.of(input, FormatCheck.FLOAT_SIZE, 0, String.format(Locale.ROOT,
                        "%s%s%s is %.0f pt wide, %.0f pt wider than the text (%.0f pt): it runs into the margin;"
                                + " %s", where, kind, label, width, width - lineWidth, lineWidth,
                        kind.equals("results table") ? "use size=\"small\", fewer columns, shorter row names, or "
                                + "notation=\"scientific\"" : "give it a smaller width, e.g. width=\"0.9\\\\linewidth\"")));
            }
            if (height > textHeight + TOLERANCE) {
                problems.add(Findings.of(input, FormatCheck.FLOAT_SIZE, 0, String.format(Locale.ROOT,
                        "%s%s%s is %.0f pt tall and the page's text %.0f pt: it runs off the page; aggregate its"
                                + " rows or split it%s", where, kind, label, height, textHeight,
                        kind.equals("results table") ? ", or list it in the appendix with long=true" : "")));
            }
        }
        return problems;
    }
}
