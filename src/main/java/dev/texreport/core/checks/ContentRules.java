package dev.texreport.core.checks;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Problem;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.course.MilestoneSpec;
import dev.texreport.core.course.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a built milestone against what the course asks it to contain: required sections (read from the typeset
 * document's .aux, so sections from any file or macro count), resolved citations, and numbers taken from results.
 * Each missing item becomes one sentence that says what to add and where.
 */
final class ContentRules implements MilestoneCheck {
    private static final Pattern HEADING = Pattern.compile(
            "^\\\\@writefile\\{toc}\\{\\\\contentsline \\{(?:sub)*section}\\{");
    private static final Pattern CITATION = Pattern.compile("^\\\\citation\\{([^}]*)}");
    private static final Pattern BIBCITE = Pattern.compile("^\\\\bibcite\\{([^}]*)}");

    @Override
    public List<Problem> check(CheckInput input) throws EnvironmentException {
        MilestoneSpec milestone = input.milestone();
        BuildRequest request = input.request();
        String folder = ProjectPaths.relative(request.projectDir(), request.sourceDir().resolve(milestone.id()));
        List<Problem> problems = new ArrayList<>();
        for (String[] item : missing(milestone, input.aux(), input.usedResults(), request.title(),
                request.authors().size(), request.sourceDir(), request.projectDir())) {
            problems.add(new Problem.ContentMissing(milestone.id(), folder, item[0], item[1]));
        }
        return problems;
    }

    /** The missing items as (requirement, sentence) pairs, empty when the milestone has everything. */
    static List<String[]> missing(MilestoneSpec milestone, Path aux, boolean usedResults, String title, int authors,
                                  Path sourceDir, Path projectDir) throws EnvironmentException {
        Requirements rules = milestone.requires();
        List<String[]> missing = new ArrayList<>();
        if (title.isBlank()) {
            missing.add(new String[] {"title", "a title: set <name> in the POM to the paper's title"});
        }
        if (authors == 0) {
            missing.add(new String[] {"authors",
                "the team members: list them as <developers> in the POM (name, email, organization)"});
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(aux, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + aux + ": " + e.getMessage(), e);
        }
        List<String> headings = new ArrayList<>();
        Set<String> cited = new LinkedHashSet<>();
        Set<String> resolved = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher m;
            if ((m = HEADING.matcher(line)).find()) {
                String heading = balanced(line, m.end());
                headings.add(normalize(heading.replaceAll("\\\\numberline \\{[^}]*}", "")));
            } else if ((m = CITATION.matcher(line)).find()) {
                for (String key : m.group(1).split(",")) {
                    cited.add(key.strip());
                }
            } else if ((m = BIBCITE.matcher(line)).find()) {
                resolved.add(m.group(1).strip());
            }
        }
        String folder = ProjectPaths.relative(projectDir, sourceDir.resolve(milestone.id()));
        int position = headings.size() + 1;
        for (Requirements.RequiredSection section : rules.sections()) {
            List<String> accepted = new ArrayList<>(List.of(section.title()));
            accepted.addAll(section.also());
            boolean present = headings.stream().anyMatch(h -> accepted.stream().anyMatch(a -> contains(h, a)));
            if (!present) {
                String file = String.format(Locale.ROOT, "%02d-%s.tex", position++,
                        section.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
                missing.add(new String[] {"section:" + section.title(), "a section \"" + section.title() + "\""
                        + (section.also().isEmpty() ? "" : " (also accepted: " + String.join(", ", section.also()) + ")")
                        + (section.hint().isEmpty() ? "" : ": " + section.hint())
                        + ". Add it, e.g. as " + folder + "/" + file + " starting with \\section{" + section.title()
                        + "}"});
            }
        }
        long resolvedCitations = cited.stream().filter(resolved::contains).count();
        if (resolvedCitations < rules.citations()) {
            missing.add(new String[] {"citations", "at least " + rules.citations() + " citation" + (rules.citations() == 1 ? "" : "s")
                    + " that resolve to entries of src/report/references.bib (found " + resolvedCitations + "): cite "
                    + "the papers your work builds on with \\citep{key}"});
        }
        if (rules.results() && !usedResults) {
            missing.add(new String[] {"results", "results from src/report/results/: at least one number, table or"
                    + " figure must come from the data, e.g. ${results.main.top1} or <@table .../> in a .tex.ftl"
                    + " section"});
        }
        return missing;
    }

    /** The text up to the brace that closes the group opened just before {@code start}. */
    public static String balanced(String line, int start) {
        int depth = 1;
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return line.substring(start, i);
            }
        }
        return line.substring(start);
    }

    /** Lower case, LaTeX commands and punctuation removed, single spaces. */
    public static String normalize(String heading) {
        return heading.replaceAll("\\\\[A-Za-z@]+\\s*", " ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip()
                .toLowerCase(Locale.ROOT);
    }

    /** Whether a heading contains an accepted title as whole words: "Key idea and motivation" has "Key idea". */
    public static boolean contains(String heading, String title) {
        String wanted = normalize(title);
        return !wanted.isEmpty() && (" " + heading + " ").contains(" " + wanted + " ");
    }
}
