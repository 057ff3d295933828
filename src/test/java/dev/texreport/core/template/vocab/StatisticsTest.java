package dev.texreport.core.template.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.numbers.WelchTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, statistics: 95% intervals (Student t, bootstrap) and significance against a baseline (Welch). */
class StatisticsTest {
    @TempDir
    Path dir;

    private VocabFixture fixture() throws Exception {
        return new VocabFixture(dir).file("results/main.json", """
                {"metrics": {"acc": {"name": "Accuracy", "direction": "higher", "percent": true, "decimals": 1}},
                 "runs": [
                  {"method": "Base", "seed": 0, "acc": 0.801}, {"method": "Base", "seed": 1, "acc": 0.805},
                  {"method": "Base", "seed": 2, "acc": 0.809},
                  {"method": "Ours", "seed": 0, "acc": 0.811}, {"method": "Ours", "seed": 1, "acc": 0.815},
                  {"method": "Ours", "seed": 2, "acc": 0.813}, {"method": "Ours", "seed": 3, "acc": 0.819},
                  {"method": "Same", "seed": 0, "acc": 0.800}, {"method": "Same", "seed": 1, "acc": 0.810}
                 ]}
                """);
    }

    @Test
    void ci95IsTheStudentTHalfWidth() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/r.json", "[{\"v\": 0.81}, {\"v\": 0.83}, {\"v\": 0.82},"
                + " {\"v\": 0.80}, {\"v\": 0.84}]");
        // scipy: t.ppf(0.975, 4) * std / sqrt(5) = 0.019632...
        assertEquals("v: 0.820\\,\\textpm\\,0.020\n", f.render("v: <@stat runs=results.r metric=\"v\" spread=\"ci95\"/>\n")
                .text());
    }

    @Test
    void bootstrapPrintsAnIntervalThatIsTheSameInEveryBuild() throws Exception {
        VocabFixture f = fixture();
        String first = f.render("<@stat runs=results.main where={\"method\": \"Ours\"} metric=\"acc\" "
                + "spread=\"bootstrap\"/>\n").text();
        assertEquals("81.5\\,[81.2, 81.8]", first, "the percentiles of 10 000 resampled means");
        assertEquals(first, f.render("<@stat runs=results.main where={\"method\": \"Ours\"} metric=\"acc\" "
                + "spread=\"bootstrap\"/>\n").text());
    }

    @Test
    void welchsTestMatchesScipy() {
        // scipy.stats.ttest_ind([0.801, 0.805, 0.809], [0.811, 0.815, 0.813, 0.819], equal_var=False).pvalue
        double p = WelchTest.pValue(decimals("0.801", "0.805", "0.809"), decimals("0.811", "0.815", "0.813", "0.819"));
        assertEquals(0.029834761224843864, p, 1e-9);
    }

    @Test
    void significanceMarksCellsDifferentFromTheBaselineAndNamesTheTest() throws Exception {
        String tex = fixture().render("<@table runs=results.main rows=\"method\" metrics=[\"acc\"] spread=\"ci95\" "
                + "significance=\"Base\"/>\n").text();
        assertTrue(tex.contains("    Ours & \\textbf{81.5} & \\textbf{\\textpm\\,0.5}\\textsuperscript{\\textdagger}"
                + " \\\\"), tex);
        assertTrue(tex.contains("    Same & \\underline{80.5} & \\underline{\\textpm\\,6.4} \\\\"),
                "tied with the baseline, and not significant: " + tex);
        assertTrue(tex.contains("Mean \\textpm{} 95\\% confidence interval (Student's t) over 2--4 seeds. "
                + "\\textsuperscript{\\textdagger}: significantly different from Base (Welch's t-test, two-sided, "
                + "\\(p < 0.05\\)).}"), tex);
    }

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
