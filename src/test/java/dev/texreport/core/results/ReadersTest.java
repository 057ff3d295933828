package dev.texreport.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.SourceException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, readers: TensorBoard event files, MLflow's mlruns/ and W&B exports, written as those tools write them. */
class ReadersTest {
    @TempDir
    Path dir;

    private Path results() {
        return dir.resolve("results");
    }

    private static ToolOutputs.Scalar s(long step, String tag, float value) {
        return new ToolOutputs.Scalar(step, 1.7e9 + step, tag, value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void pytorchEventFilesBecomeOneRecordPerStepWithATagPerField() throws Exception {
        ToolOutputs.pytorchEvents(results().resolve("runs/baseline/events.out.tfevents.1700000000.host.1.0"),
                List.of(s(0, "train/loss", 2.5f), s(0, "lr", 0.1f), s(100, "train/loss", 1.25f),
                        s(200, "train/loss", Float.NaN)));
        ResultsLoader.LoadedResults loaded = new ResultsLoader().load(results());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> run = list(((Map<String, Object>) loaded.model().get("runs")).get("baseline"));
        assertEquals(3, run.size());
        assertEquals("baseline", run.get(0).get("run"));
        assertEquals("2.5", run.get(0).get("train/loss").toString());
        assertEquals("0.1", run.get(0).get("lr").toString());
        assertEquals("1.25", run.get(1).get("train/loss").toString());
        assertEquals("100", run.get(1).get("step").toString());
        assertEquals("NaN", run.get(2).get("train/loss").toString());
        assertEquals(List.of("results/runs/baseline: 1 value is NaN or infinite (train/loss \u00d71); tables print"
                + " them as \u2014 and plots leave them out"), loaded.warnings(dir));
    }

    @Test
    void tf2TensorScalarsAreReadAndImagesSkipped() throws Exception {
        Path file = results().resolve("logs/train/events.out.tfevents.1700000000.host.2.0.v2");
        ToolOutputs.tf2Events(file, List.of(s(0, "epoch_loss", 0.75f), s(1, "epoch_loss", 0.5f),
                s(1, "epoch_accuracy", 0.875f)), false);
        ToolOutputs.tf2Events(results().resolve("logs/validation/events.out.tfevents.1700000001.host.2.1.v2"),
                List.of(s(0, "epoch_loss", 0.25f)), true);
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            ToolOutputs.record(out, ToolOutputs.imageEvent(2, "samples"));
        }
        ResultsLoader.LoadedResults loaded = new ResultsLoader().load(results());
        @SuppressWarnings("unchecked")
        Map<String, Object> logs = (Map<String, Object>) loaded.model().get("logs");
        List<Map<String, Object>> train = list(logs.get("train"));
        assertEquals(2, train.size(), "the image at step 2 is no scalar");
        assertEquals("0.5", train.get(1).get("epoch_loss").toString());
        assertEquals("0.875", train.get(1).get("epoch_accuracy").toString());
        assertEquals("0.25", list(logs.get("validation")).get(0).get("epoch_loss").toString());
        // A folder of runs is one list of records: results.logs with series="run".
        assertEquals(3, RunSet.from(logs).runs().size());
    }

    @Test
    void aDamagedEventFileIsAnErrorAndACutOffOneAWarning() throws Exception {
        Path file = results().resolve("runs/a/events.out.tfevents.1");
        ToolOutputs.pytorchEvents(file, List.of(s(0, "loss", 1f), s(1, "loss", 0.5f)));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        ResultsLoader.LoadedResults loaded = new ResultsLoader().load(results());
        assertTrue(loaded.warnings(dir).get(0).contains("the file ends inside a record at byte"),
                loaded.warnings(dir).toString());
        bytes[bytes.length - 10] ^= 0x5a;
        Files.write(file, bytes);
        SourceException e = assertThrows(SourceException.class, () -> new ResultsLoader().load(results()));
        assertTrue(e.diagnostics().get(0).message().startsWith("a TensorBoard event file is damaged: the record's "
                + "data fails its CRC check"), e.diagnostics().get(0).message());
    }

    @Test
    void anMlflowStoreGivesItsRunsAndTheirHistory() throws Exception {
        Path mlruns = results().resolve("mlruns");
        ToolOutputs.write(mlruns.resolve("0/meta.yaml"), "experiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
        ToolOutputs.mlflowRun(mlruns, "1", "cifar", "a1b2", "resnet-lr0.1", Map.of("lr", "0.1", "model", "resnet18"),
                Map.of("val_acc", List.of("1700000001000 0.61 0", "1700000002000 0.72 1", "1700000003000 0.7 2"),
                        "train/loss", List.of("1700000001000 1.9 0", "1700000002000 nan 1")), "active");
        ToolOutputs.mlflowRun(mlruns, "1", "cifar", "c3d4", "vit-lr0.01", Map.of("lr", "0.01", "model", "vit"),
                Map.of("val_acc", List.of("1700000001000 0.55 0", "1700000002000 0.81 1")), "active");
        ToolOutputs.mlflowRun(mlruns, "1", "cifar", "dead", "deleted-run", Map.of(), Map.of(), "deleted");
        ResultsLoader.LoadedResults loaded = new ResultsLoader().load(results());
        @SuppressWarnings("unchecked")
        Map<String, Object> store = (Map<String, Object>) loaded.model().get("mlruns");
        List<Map<String, Object>> runs = list(store.get("runs"));
        assertEquals(2, runs.size(), "the deleted run is left out");
        assertEquals("resnet-lr0.1", runs.get(0).get("run"));
        assertEquals("cifar", runs.get(0).get("experiment"));
        assertEquals("FINISHED", runs.get(0).get("status"));
        assertEquals("0.1", runs.get(0).get("lr").toString());
        assertEquals("resnet18", runs.get(0).get("model"));
        assertEquals("0.7", runs.get(0).get("val_acc").toString(), "the last logged value");
        List<Map<String, Object>> history = list(store.get("history"));
        assertEquals(5, history.size());
        assertEquals("0.72", history.get(1).get("val_acc").toString());
        assertEquals("nan", history.get(1).get("train/loss").toString());
        assertTrue(loaded.warnings(dir).get(0).startsWith("results/mlruns: 1 value is NaN"), loaded.warnings(dir)
                .toString());
    }

    @Test
    void aWandbChartExportBecomesOneRecordPerStepAndRunWithItsMinMax() throws Exception {
        ToolOutputs.write(results().resolve("wandb_loss.csv"), "\"Step\",\"vit-b16 - train/loss\","
                + "\"vit-b16 - train/loss__MIN\",\"vit-b16 - train/loss__MAX\",\"resnet - train/loss\","
                + "\"resnet - train/loss__MIN\",\"resnet - train/loss__MAX\"\n"
                + "0,2.3,2.2,2.4,2.5,2.45,2.6\n100,1.1,0.9,1.3,,,\n");
        ResultsLoader.LoadedResults loaded = new ResultsLoader().load(results());
        List<Map<String, Object>> rows = list(loaded.model().get("wandb_loss"));
        assertEquals(3, rows.size());
        assertEquals(Map.of("Step", "0", "run", "vit-b16", "train/loss", "2.3", "train/loss__MIN", "2.2",
                "train/loss__MAX", "2.4"), strings(rows.get(0)));
        assertEquals("resnet", rows.get(1).get("run"));
        assertEquals("100", rows.get(2).get("Step").toString());
    }

    @Test
    void aWandbRunFolderIsOneRunWithItsConfigAndSummary() throws Exception {
        Path run = results().resolve("wandb/run-20240101_120000-abc123/files");
        ToolOutputs.write(run.resolve("config.yaml"), "wandb_version: 1\n\n_wandb:\n  desc: null\n  value:\n"
                + "    python_version: 3.11.4\nlr:\n  desc: null\n  value: 0.0003\nmodel:\n  desc: null\n  value: vit\n");
        ToolOutputs.write(run.resolve("wandb-summary.json"), "{\"val/acc\": 0.912, \"train/loss\": NaN, "
                + "\"_step\": 999, \"_runtime\": 1234.5, \"_wandb\": {\"runtime\": 1234}}");
        ToolOutputs.write(run.resolve("wandb-metadata.json"), "{\"program\": \"train.py\"}");
        ResultsLoader.LoadedResults loaded = new ResultsLoader().load(results());
        @SuppressWarnings("unchecked")
        Map<String, Object> wandb = (Map<String, Object>) loaded.model().get("wandb");
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) wandb.get("run-20240101_120000-abc123");
        assertEquals(List.of("run", "lr", "model", "val/acc", "train/loss", "_step", "_runtime"),
                List.copyOf(record.keySet()));
        assertEquals("abc123", record.get("run"));
        assertEquals("0.0003", record.get("lr").toString());
        assertEquals("0.912", record.get("val/acc").toString());
        assertEquals(1, RunSet.from(wandb).runs().size(), "a folder of W&B runs is a list of runs");
    }

    private static Map<String, String> strings(Map<String, Object> record) {
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        record.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }
}
