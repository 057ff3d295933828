package dev.texreport.core.template.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, "a number is a number": no value is dropped without a word, and ${} prints numbers as written. */
class NumbersAreNumbersTest {
    @TempDir
    Path dir;

    private static final String SEEDS = """
            {"metrics": {"acc": {"name": "Accuracy", "direction": "higher", "percent": true, "decimals": 1}},
             "runs": [
              {"method": "Full", "seed": 0, "acc": 0.851},
              {"method": "Full", "seed": 1, "acc": 0.853},
              {"method": "Full", "seed": 2, "acc": 0.856},
              {"method": "LoRA", "seed": 0, "acc": 0.849},
              {"method": "LoRA", "seed": 1, "acc": 0.853},
              {"method": "LoRA", "seed": 2, "acc": "0.856"}
            ]}
            """;

    @Test
    void aMetricStoredAsTextFailsTheTableAtItsFileLineRunAndKey() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/main.json", SEEDS);
        String message = f.error("<@table runs=results.main rows=\"method\" metrics=[\"acc\"]/>\n");
        assertEquals("<@table>: results/main.json:8: run (method=LoRA, seed=2): 'acc' is the text \"0.856\", not a "
                + "number; write it without quotes: 0.856", message);
    }

    @Test
    void aMetricStoredAsTextFailsStatToo() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/main.json", SEEDS);
        String message = f.error("<@stat runs=results.main where={\"method\": \"LoRA\"} metric=\"acc\"/>\n");
        assertTrue(message.startsWith("<@stat>: results/main.json:8: run (method=LoRA, seed=2): 'acc' is the text"),
                message);
    }

    @Test
    void nullAndBooleansAreNotNumbersEither() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/main.json",
                "[{\"method\": \"A\", \"acc\": null}, {\"method\": \"B\", \"acc\": true}]");
        assertEquals("<@stat>: results/main.json:1: run (method=A): 'acc' is null, not a number; leave the key out of"
                + " runs that have no value", f.error("<@stat runs=results.main metric=\"acc\"/>\n"));
        assertTrue(f.error("<@stat runs=results.main where={\"method\": \"B\"} metric=\"acc\"/>\n")
                .contains("'acc' is the boolean true, not a number"));
    }

    @Test
    void pythonsNanAndInfinityAreReadAndPrintAsADashWithOneWarningPerFile() throws Exception {
        // What json.dump writes for float('nan') and float('inf'), e.g. a diverged seed.
        VocabFixture f = new VocabFixture(dir).file("results/main.json", """
                [{"method": "A", "seed": 0, "loss": 0.52}, {"method": "A", "seed": 1, "loss": 0.50},
                 {"method": "B", "seed": 0, "loss": NaN}, {"method": "B", "seed": 1, "loss": Infinity},
                 {"method": "C", "seed": 0, "loss": -Infinity}]
                """);
        VocabFixture.Rendered r = f.render("<@table runs=results.main rows=\"method\" metrics=[\"loss\"] "
                + "spread=\"none\"/>\n${results.main[2].loss} <@stat runs=results.main where={\"method\": \"B\"} "
                + "metric=\"loss\"/>\n");
        assertTrue(r.text().contains("    A & 0.510 \\\\\n    B & --- \\\\\n    C & --- \\\\\n"), r.text());
        assertTrue(r.text().contains("NaN ---"), r.text());
        assertEquals(List.of("results/main.json: 3 values are NaN or infinite (loss \u00d73); tables print them as "
                + "\u2014 and plots leave them out"), r.results().warnings(dir.resolve("src/report")));
        assertTrue(r.context().warnings().contains("final/01.tex.ftl:1: results table: 2 cell(s) hold NaN or "
                + "infinite values and print as a dash"), r.context().warnings().toString());
    }

    @Test
    void nanAndInfInCsvAreValuesThatPlotsLeaveOut() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/log.csv", "step,loss\n0,2.5\n100,nan\n200,1.5\n"
                + "300,inf\n400,1.0\n");
        VocabFixture.Rendered r = f.render("<@lineplot runs=results.log x=\"step\" y=\"loss\"/>\n");
        assertTrue(r.text().contains("coordinates {(0,2.5) (200,1.5) (400,1) }"), r.text());
        assertEquals(List.of("results/log.csv: 2 values are NaN or infinite (loss \u00d72); tables print them as "
                + "\u2014 and plots leave them out"), r.results().warnings(dir.resolve("src/report")));
        assertTrue(r.context().warnings().get(0).endsWith("2 NaN or infinite value(s) of 'loss' left out"),
                r.context().warnings().toString());
    }

    @Test
    void interpolationPrintsNumbersExactlyAsTheFileWroteThem() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/all_results.json",
                "{\"lr\": 2.50, \"epoch\": 3.0, \"total_flos\": 2.2882818626410906e+17, \"wd\": 1e-05, \"n\": 10}");
        String text = f.render("${results.all_results.lr} ${results.all_results.epoch} "
                + "${results.all_results.total_flos} ${results.all_results.wd} ${results.all_results.n} "
                + "${results.all_results.lr * 2}\n").text();
        assertEquals("2.50 3.0 2.2882818626410906e+17 1e-05 10 5\n", text);
    }
}
