package dev.texreport.core.checks;

import dev.texreport.core.Problem;
import dev.texreport.core.ReportException;
import java.util.List;

/**
 * One check of a typeset milestone: its page budget, the course's content rules, the PDF's format, the team's
 * sources. A new check is a class implementing this, listed in {@link MilestoneChecks}.
 */
public interface MilestoneCheck {
    /** What the check found, in the order a user should read it; empty when all is well. */
    List<Problem> check(CheckInput input) throws ReportException;
}
