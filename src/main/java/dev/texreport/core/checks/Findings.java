package dev.texreport.core.checks;

import dev.texreport.core.FormatCheck;
import dev.texreport.core.Problem;
import java.util.Set;

/** Format findings, failing or warning as report.failOnChecks says. */
final class Findings {
    private Findings() {
    }

    static Problem.FormatFinding of(CheckInput input, FormatCheck check, int page, String text) {
        return new Problem.FormatFinding(input.milestone().id(), check.id(), page, text, input.failing(check));
    }

    static String pages(Set<Integer> pages) {
        return (pages.size() == 1 ? "page " : "pages ")
                + String.join(", ", pages.stream().map(String::valueOf).toList());
    }
}
