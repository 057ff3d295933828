package dev.texreport.core.checks;

import dev.texreport.core.Problem;
import java.util.List;

/**
 * The course's page budget: content pages (main text, figures and tables, as {@code texreport-measure.sty}
 * measured them) against the milestone's limit. Failing unless report.failOnPageLimit is off.
 */
final class PageLimitCheck implements MilestoneCheck {
    @Override
    public List<Problem> check(CheckInput input) {
        double pages = input.measure().contentPages();
        int limit = input.milestone().pageLimit();
        if (pages <= limit + 1e-9) {
            return List.of();
        }
        return List.of(Problem.PageLimitExceeded.of(input.milestone().id(), limit, pages,
                input.measure().linesPerPage(), input.request().failOnPageLimit()));
    }
}
