package dev.texreport.core.checks;

import dev.texreport.core.Problem;
import dev.texreport.core.pages.FloatPlacement;
import dev.texreport.core.pages.PageMeasure;
import java.util.ArrayList;
import java.util.List;

/** A figure or table of the body must not land after the references begin: it would be uncounted content. */
final class StrayFloatCheck implements MilestoneCheck {
    @Override
    public List<Problem> check(CheckInput input) {
        PageMeasure measure = input.measure();
        List<Problem> problems = new ArrayList<>();
        for (FloatPlacement stray : measure.strayFloats()) {
            problems.add(new Problem.StrayFloat(input.milestone().id(), stray.label(), stray.position().page(),
                    measure.backMatter().page(),
                    input.sources().where(stray.file().replaceFirst("^\\./", ""), stray.line())));
        }
        return problems;
    }
}
