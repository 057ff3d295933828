package dev.texreport.core.template.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.numbers.Direction;
import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.Notation;
import dev.texreport.core.numbers.NumberText;
import dev.texreport.core.numbers.Spread;
import dev.texreport.core.results.RunSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
    private static Map<String, Object> run(String method, int seed, String top1, String loss) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("method", method);
        run.put("seed", BigDecimal.valueOf(seed));
        if (top1 != null) {
            run.put("top1", new BigDecimal(top1));
        }
        if (loss != null) {
            run.put("loss", new BigDecimal(loss));
        }
        return run;
    }

    private static RunSet runs() {
        List<Map<String, Object>> runs = new ArrayList<>();
        runs.add(run("ResNet-18", 0, "0.801", "0.61"));
        runs.add(run("ResNet-18", 1, "0.805", "0.60"));
        runs.add(run("ResNet-18", 2, "0.809", "0.62"));
        runs.add(run("ViT & co", 0, "0.811", "0.55"));
        runs.add(run("ViT & co", 1, "0.815", "0.57"));
        runs.add(run("ViT & co", 2, "0.813", null));
        runs.add(run("MLP", 0, "0.6", null));
        runs.add(run("MLP", 1, "0.62", null));
        Map<String, MetricSpec> metrics = Map.of(
                "top1", new MetricSpec("top1", "Top-1", Direction.HIGHER, "%", new BigDecimal(100), 1, null),
                "loss", new MetricSpec("loss", "Loss", Direction.LOWER, null, null, 2, null));
        return new RunSet(runs, metrics);
    }

    private static TableSpec spec(List<String> metrics) {
        return TableSpec.of("method", metrics, "Main results.", "tab:main");
    }

    @Test
    void meansWithStdAtTheSameDecimalPlaceBestBoldSecondUnderlinedDashForMissing() {
        ResultsTable.Output out = new ResultsTable().render(runs(), spec(List.of("top1", "loss")), "results/main.json");
        String tex = out.latex();
        assertTrue(tex.startsWith("% texreport: results table from results/main.json\n"), tex);
        // Top-1: ResNet 80.5 ± 0.4, ViT 81.3 ± 0.2 (best), MLP 61.0 ± 1.4. Loss: ResNet 0.61 ± 0.01, ViT 0.56 ± 0.01.
        assertTrue(tex.contains("    ResNet-18 & \\underline{80.5} & \\underline{\\textpm\\,0.4}"
                + " & \\underline{0.61} & \\underline{\\textpm\\,0.01} \\\\\n"), tex);
        assertTrue(tex.contains("    ViT \\& co & \\textbf{81.3} & \\textbf{\\textpm\\,0.2} & \\textbf{0.56}"
                + " & \\textbf{\\textpm\\,0.01} \\\\\n"), tex);
        assertTrue(tex.contains("    MLP & 61.0 & \\textpm\\,1.4 & \\multicolumn{2}{c}{--} \\\\\n"), tex);
        assertTrue(tex.contains("\\caption{Main results. Mean \\textpm{} std over 2--3 seeds.}"), tex);
        assertTrue(tex.contains("Method & \\multicolumn{2}{c}{Top-1 (\\%) \\(\\uparrow\\)} & \\multicolumn{2}{c}{Loss"
                + " \\(\\downarrow\\)} \\\\"), tex);
        assertTrue(tex.contains("\\begin{tabular}{lr@{\\,}lr@{\\,}l}"), tex);
        assertTrue(tex.indexOf("\\caption") < tex.indexOf("\\begin{tabular}"), "caption above the table");
        assertTrue(tex.contains("\\toprule") && tex.contains("\\midrule") && tex.contains("\\bottomrule"));
        assertEquals(List.of("results table 'tab:main': 'ViT & co' has 2 seed(s) where others have 3",
                "results table 'tab:main': 'MLP' has 2 seed(s) where others have 3"), out.warnings());
    }

    @Test
    void columnsGroupedByDatasetGetSpanningHeaders() {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (String dataset : List.of("CIFAR-10", "CIFAR-100")) {
            Map<String, Object> a = run("A", 0, "0.5", null);
            a.put("dataset", dataset);
            runs.add(a);
        }
        TableSpec spec = new TableSpec("method", List.of(), null, "dataset", List.of("top1"), Map.of(), Spread.STD, "",
                "", "small", true, "t", NumberText.Grouping.SI, Notation.AUTO, false, null, 0.05, "");
        String tex = new ResultsTable().render(new RunSet(runs, Map.of()), spec, "x").latex();
        assertTrue(tex.contains(" & \\multicolumn{1}{c}{CIFAR-10} & \\multicolumn{1}{c}{CIFAR-100} \\\\"), tex);
        assertTrue(tex.contains("\\cmidrule(lr){2-2}\\cmidrule(lr){3-3}"), tex);
        assertTrue(tex.contains("\\begin{tabular*}{\\linewidth}{l@{\\extracolsep{\\fill}\\hspace{2\\tabcolsep}}r"
                + "@{\\extracolsep{\\fill}\\hspace{2\\tabcolsep}}r}"), tex);
        assertTrue(tex.contains("\\small\n"), tex);
        assertTrue(tex.contains("\\caption{}"), "one seed per cell: no seed note");
    }

    @Test
    void aCaptionWithoutFullStopGetsOneBeforeTheSeedNote() {
        TableSpec spec = TableSpec.of("method", List.of("top1"), "Main results", "");
        String tex = new ResultsTable().render(runs(), spec, "x").latex();
        assertTrue(tex.contains("\\caption{Main results. Mean \\textpm{} std over 2--3 seeds.}"), tex);
    }

    @Test
    void percentFalseInTheCallUndoesADeclaredPercent() {
        MetricSpec declared = MetricSpec.fromMap("top1", Map.of("percent", true, "decimals", 1));
        MetricSpec call = MetricSpec.fromMap("top1", Map.of("percent", false, "decimals", 3));
        MetricSpec effective = declared.overriddenBy(call);
        assertEquals(0, BigDecimal.ONE.compareTo(effective.scale()));
        assertEquals("", effective.unit());
        assertEquals(3, effective.decimals());
    }

    @Test
    void aMisspeltMetricNamesTheFieldsTheRunsHave() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ResultsTable().render(runs(), spec(List.of("top_1")), "x"));
        assertEquals("no run has the metric 'top_1'; the runs have: method, seed, top1, loss", e.getMessage());
    }
}
