package dev.texreport.core.checks;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.FormatCheck;
import dev.texreport.core.Problem;
import dev.texreport.core.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds layout tweaks in the team's own files: negative \vspace, \baselinestretch or \linespread, the geometry
 * package, \fontsize and changes to the page lengths. NeurIPS treats "tweaking the style files" as grounds for
 * rejection; here each is a warning (or an error, when report.failOnChecks has style-tweaks) at its file and line.
 */
final class StyleTweaks implements MilestoneCheck {
    private static final Map<Pattern, String> RULES = Map.of(
            Pattern.compile("\\\\vspace\\*?\\s*\\{\\s*-"), "a negative \\vspace squeezes the layout",
            Pattern.compile("\\\\(baselinestretch|linespread)\\b"), "changing the line spacing",
            Pattern.compile("\\\\(usepackage|RequirePackage)\\s*(\\[[^]]*])?\\s*\\{[^}]*\\bgeometry\\b|\\\\(new)?geometry\\s*\\{"),
            "changing the page geometry",
            Pattern.compile("\\\\fontsize\\s*\\{"), "changing the font size",
            Pattern.compile("\\\\(setlength|addtolength)\\s*\\{?\\s*\\\\(textheight|textwidth|oddsidemargin|evensidemargin"
                    + "|topmargin|headsep|footskip|parskip|baselineskip|columnsep|abovecaptionskip|belowcaptionskip)\\b"),
            "changing a page or spacing length");

    @Override
    public List<Problem> check(CheckInput input) throws EnvironmentException {
        List<Problem> findings = new ArrayList<>();
        for (String text : scan(input.teamFiles(), input.request().projectDir())) {
            findings.add(Findings.of(input, FormatCheck.STYLE_TWEAKS, 0, text));
        }
        return findings;
    }

    /** One sentence per tweak, each starting with its file and line. */
    static List<String> scan(List<Path> files, Path projectDir) throws EnvironmentException {
        List<String> findings = new ArrayList<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replaceFirst("(?<!\\\\)%.*$", "");
                for (Map.Entry<Pattern, String> rule : RULES.entrySet()) {
                    if (rule.getKey().matcher(line).find()) {
                        findings.add(new SourceLocation(file, i + 1, 0).describe(projectDir) + ": " + rule.getValue()
                                + " (NeurIPS rejects papers that tweak the layout); shorten the text instead");
                    }
                }
            }
        }
        return findings;
    }
}
