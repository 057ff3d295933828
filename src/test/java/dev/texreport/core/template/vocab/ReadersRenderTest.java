package dev.texreport.core.template.vocab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.results.ToolOutputs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, readers in the calls: a TensorBoard folder, an MLflow store and a W&B export drawn and tabulated. */
class ReadersRenderTest {
    @TempDir
    Path dir;

    @Test
    void tensorBoardRunsAreLinesOfAPlotWithSeriesRun() throws Exception {
        VocabFixture f = new VocabFixture(dir);
        for (String run : List.of("adam", "sgd")) {
            ToolOutputs.pytorchEvents(f.source().resolve("results/tb/" + run + "/events.out.tfevents.1.host.1.0"),
                    List.of(new ToolOutputs.Scalar(0, 1.7e9, "train/loss", 2f),
                            new ToolOutputs.Scalar(10, 1.7e9, "train/loss", run.equals("adam") ? 1f : 1.5f)));
        }
        String tex = f.render("<@lineplot runs=results.tb x=\"step\" y=\"train/loss\" series=\"run\"/>\n").text();
        assertTrue(tex.contains("% texreport: figure from"), tex);
        assertTrue(tex.contains("coordinates {(0,2) (10,1) };\n    \\addlegendentry{adam}"), tex);
        assertTrue(tex.contains("coordinates {(0,2) (10,1.5) };\n    \\addlegendentry{sgd}"), tex);
    }

    @Test
    void anMlflowStoreIsATableOfItsRuns() throws Exception {
        VocabFixture f = new VocabFixture(dir);
        Path mlruns = f.source().resolve("results/mlruns");
        ToolOutputs.mlflowRun(mlruns, "1", "cifar", "a1", "resnet", Map.of("lr", "0.1"),
                Map.of("val_acc", List.of("1700000001000 0.61 0", "1700000002000 0.72 1")), "active");
        ToolOutputs.mlflowRun(mlruns, "1", "cifar", "b2", "vit", Map.of("lr", "0.01"),
                Map.of("val_acc", List.of("1700000001000 0.55 0", "1700000002000 0.81 1")), "active");
        String tex = f.render("<@table runs=results.mlruns rows=\"run\" metrics={\"val_acc\": {\"direction\": "
                + "\"higher\", \"percent\": true, \"decimals\": 1}}/><@lineplot runs=results.mlruns.history x=\"step\""
                + " y=\"val_acc\" series=\"run\"/>\n").text();
        assertTrue(tex.contains("    resnet & \\underline{72.0} \\\\\n    vit & \\textbf{81.0} \\\\\n"), tex);
        assertTrue(tex.contains("\\addlegendentry{resnet}") && tex.contains("\\addlegendentry{vit}"), tex);
    }

    @Test
    void aWandbExportIsDrawnWithItsMinMaxBand() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/wandb_loss.csv", "\"Step\",\"vit - loss\","
                + "\"vit - loss__MIN\",\"vit - loss__MAX\"\n0,2.3,2.2,2.4\n100,1.1,0.9,1.3\n");
        String tex = f.render("<@lineplot runs=results.wandb_loss x=\"Step\" y=\"loss\" series=\"run\"/>\n").text();
        assertTrue(tex.contains("fill opacity=0.2] coordinates {(0,2.4) (100,1.3) (100,0.9) (0,2.2)} --cycle;"), tex);
    }
}
