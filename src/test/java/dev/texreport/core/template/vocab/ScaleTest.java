package dev.texreport.core.template.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, scale: long tables are refused with a suggestion, long curves thinned. Times are in bench/. */
class ScaleTest {
    @TempDir
    Path dir;

    private VocabFixture runs(int rows, int seeds) throws Exception {
        StringBuilder csv = new StringBuilder("config,seed,acc\n");
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < seeds; s++) {
                csv.append("c").append(r).append(',').append(s).append(",0.").append(500 + (r * 7 + s) % 400)
                        .append('\n');
            }
        }
        return new VocabFixture(dir).file("results/sweep.csv", csv.toString());
    }

    @Test
    void aTableOfThousandsOfRowsIsRefusedWithASuggestion() throws Exception {
        String message = runs(4000, 5).error("<@table runs=results.sweep rows=\"config\" metrics=[\"acc\"]/>\n");
        assertEquals("<@table>: the table would have 4000 rows (one per value of 'config'), and a page holds about "
                + "40. Aggregate: group the rows by a field with fewer values (rows=\"method\"), or select runs with "
                + "where=...; for a complete listing in the appendix, add long=true (a table that breaks across "
                + "pages)", message);
    }

    @Test
    void longTrueGivesALongtableWithItsHeaderOnEveryPage() throws Exception {
        VocabFixture.Rendered r = runs(60, 2).render("<@table runs=results.sweep rows=\"config\" metrics=[\"acc\"] "
                + "long=true caption=\"Every configuration.\" label=\"tab:all\"/>\n");
        assertTrue(r.text().contains("\\begin{longtable}{lr@{\\,}l}"), r.text());
        assertTrue(r.text().contains("\\endfirsthead") && r.text().contains("\\endhead"), r.text());
        assertEquals(60, r.text().lines().filter(l -> l.startsWith("    c")).count());
        assertEquals(java.util.List.of("longtable"), r.context().packages());
    }

    @Test
    void aCurveOfTwentyThousandPointsIsThinnedToAThousandWithADebugLine() throws Exception {
        StringBuilder csv = new StringBuilder("step,loss\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(',').append(2 + Math.sin(i / 50.0) + (i == 12_345 ? 5 : 0)).append('\n');
        }
        VocabFixture.Rendered r = new VocabFixture(dir).file("results/log.csv", csv.toString())
                .render("<@lineplot runs=results.log x=\"step\" y=\"loss\"/>\n");
        Matcher m = Pattern.compile("coordinates \\{([^}]*)}").matcher(r.text());
        assertTrue(m.find());
        assertEquals(1000, m.group(1).split("\\) ").length);
        assertTrue(m.group(1).contains("(12345,"), "the spike survives the thinning");
        assertEquals(java.util.List.of("final/01.tex.ftl:1: <@lineplot> 'loss': 20000 points drawn as 1000 "
                + "(largest-triangle-three-buckets)"), r.context().debugLines());
    }
}
