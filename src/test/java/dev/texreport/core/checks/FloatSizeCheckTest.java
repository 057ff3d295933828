package dev.texreport.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.FormatCheck;
import dev.texreport.core.Problem;
import dev.texreport.core.course.MilestoneSpec;
import dev.texreport.core.course.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: a table wider than the text or taller than the page fails the build, naming the table. */
class FloatSizeCheckTest {
    @TempDir
    Path dir;

    private List<Problem> check(String auxLines) throws Exception {
        Path aux = dir.resolve("main.aux");
        Files.writeString(aux, "\\relax\n" + auxLines);
        BuildRequest request = BuildRequest.builder(dir).build();
        MilestoneSpec milestone = new MilestoneSpec("final", "Final Report", 8, null, Requirements.NONE);
        return new FloatSizeCheck().check(new CheckInput(milestone, request, aux, null, null, true, List.of(),
                (file, line) -> ""));
    }

    @Test
    void aTableWhoseRowsRunOffThePageIsAFailingFinding() throws Exception {
        List<Problem> problems = check("\\@gobble{texreport-box{table}{final/01.tex.ftl:7}{tab:all}{310.5pt}"
                + "{48012.0pt}{3.5pt}{397.48499pt}{650.43pt}}\n");
        assertEquals(1, problems.size());
        Problem.FormatFinding finding = (Problem.FormatFinding) problems.get(0);
        assertEquals(FormatCheck.FLOAT_SIZE.id(), finding.check());
        assertTrue(finding.failing(), "float-size fails the build by default");
        assertEquals("final.pdf: src/report/final/01.tex.ftl:7: results table 'tab:all' is 48016 pt tall and the "
                + "page's text 650 pt: it runs off the page; aggregate its rows or split it, or list it in the appendix"
                + " with long=true [float-size]", finding.message());
    }

    @Test
    void aTableWiderThanTheTextIsNamedToo() throws Exception {
        List<Problem> problems = check("\\@gobble{texreport-box{table}{final/01.tex.ftl:3}{}{512.0pt}{80.0pt}"
                + "{3.5pt}{397.48499pt}{650.43pt}}\n\\@gobble{texreport-box{figure}{final/01.tex.ftl:9}{fig:a}"
                + "{397.0pt}{200.0pt}{0.0pt}{397.48499pt}{650.43pt}}\n");
        assertEquals(1, problems.size(), "the figure fits");
        assertTrue(problems.get(0).message().startsWith("final.pdf: src/report/final/01.tex.ftl:3: results table is 512 pt "
                + "wide, 115 pt wider than the text (397 pt): it runs into the margin"), problems.get(0).message());
    }
}
