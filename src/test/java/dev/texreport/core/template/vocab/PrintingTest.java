package dev.texreport.core.template.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, "rounding and printing": digits kept across powers of ten, huge numbers in scientific notation. */
class PrintingTest {
    @TempDir
    Path dir;

    @Test
    void roundingThatCrossesAPowerOfTenKeepsTheRequestedDigits() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/r.json",
                "{\"a\": 0.9996, \"b\": 99.96, \"runs\": [{\"m\": \"x\", \"v\": 0.9995}, {\"m\": \"x\", \"v\": 0.9997}]}");
        String text = f.render("<@num value=results.r.a/> <@num value=results.r.b/> "
                + "<@stat runs=results.r.runs metric=\"v\"/>\n").text();
        assertEquals("1.00 100 1.00\\,\\textpm\\,0.00\n", text);
    }

    @Test
    void hugeAndTinyNumbersPrintInScientificNotation() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/all_results.json",
                "{\"total_flos\": 2.2882818626410906e+17, \"lr\": 0.00002, \"steps\": 12345678}");
        String text = f.render("<@num value=results.all_results.total_flos/>; <@num value=results.all_results.lr/>; "
                + "<@num value=results.all_results.steps/>; <@num value=results.all_results.total_flos "
                + "notation=\"plain\" decimals=0/>\n").text();
        assertEquals("2.29\\,\\texttimes\\,10\\textsuperscript{17}; 2.00\\,\\texttimes\\,10\\textsuperscript{"
                + "\\textminus{}5}; 12\\,345\\,678; 228\\,828\\,186\\,264\\,109\\,060\n", text);
    }

    @Test
    void aTableColumnOfHugeNumbersFactorsThePowerOfTenIntoItsHeader() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/flops.json", "[{\"m\": \"A\", \"flops\": 2.29e17},"
                + " {\"m\": \"B\", \"flops\": 1.1e16}]");
        String text = f.render("<@table runs=results.flops rows=\"m\" metrics=[\"flops\"]/>\n").text();
        assertTrue(text.contains("\\multicolumn{1}{c}{flops (\\texttimes\\,10\\textsuperscript{17})}"), text);
        assertTrue(text.contains("    A & 2.29 \\\\\n    B & 0.11 \\\\\n"), text);
    }

    @Test
    void tablesAndFiguresFloatWhereTheDocsSay() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/r.json", "[{\"m\": \"A\", \"v\": 1}]");
        String text = f.render("<@table runs=results.r rows=\"m\" metrics=[\"v\"]/>"
                + "<@barchart runs=results.r x=\"m\" y=\"v\"/>\n").text();
        assertTrue(text.contains("\\begin{table}[htbp]") && text.contains("\\begin{figure}[htbp]"), text);
    }

    @Test
    void cellsOfSeveralMethodsAreRunsNotSeeds() throws Exception {
        StringBuilder runs = new StringBuilder("[");
        for (int seed = 0; seed < 2; seed++) {
            for (String method : new String[] {"A", "B", "C"}) {
                runs.append(runs.length() > 1 ? "," : "").append("{\"method\": \"").append(method)
                        .append("\", \"seed\": ").append(seed).append(", \"acc\": 0.").append(5 + seed).append('}');
            }
        }
        VocabFixture f = new VocabFixture(dir).file("results/r.json", runs + "]");
        String bySeed = f.render("<@table runs=results.r rows=\"seed\" metrics=[\"acc\"]/>\n").text();
        assertTrue(bySeed.contains("Mean \\textpm{} std over 3 runs."), bySeed);
        String byMethod = f.render("<@table runs=results.r rows=\"method\" metrics=[\"acc\"]/>\n").text();
        assertTrue(byMethod.contains("Mean \\textpm{} std over 2 seeds."), byMethod);
    }
}
