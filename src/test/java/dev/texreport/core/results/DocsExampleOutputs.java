package dev.texreport.core.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes the TensorBoard, MLflow and W&B outputs of docs/example (src/report/results/tensorboard, mlruns, wandb and
 * wandb_loss.csv) with {@link ToolOutputs}, i.e. in the formats those tools write. Deterministic: run it again and
 * the files are the same. Run from the repository root:
 * <pre>
 *   mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.texreport.core.results.DocsExampleOutputs
 * </pre>
 */
public final class DocsExampleOutputs {
    private DocsExampleOutputs() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "docs/example/src/report/results");
        Random random = new Random(14);
        // TensorBoard: two optimisers, a noisy training loss every 10 steps and the accuracy every 250 steps.
        for (String run : List.of("adamw", "sgd")) {
            double speed = run.equals("adamw") ? 1.0 / 600 : 1.0 / 1400;
            List<ToolOutputs.Scalar> scalars = new ArrayList<>();
            for (int step = 0; step <= 3000; step += 10) {
                double loss = 0.35 + 2.0 * Math.exp(-step * speed) + 0.18 * random.nextGaussian();
                scalars.add(new ToolOutputs.Scalar(step, 1.7e9 + step * 0.4, "train/loss", (float) Math.max(0.05,
                        loss)));
                if (step % 250 == 0 && step > 0) {
                    scalars.add(new ToolOutputs.Scalar(step, 1.7e9 + step * 0.4, "eval/accuracy",
                            (float) (0.93 - 0.55 * Math.exp(-step * speed * 1.2) + 0.004 * random.nextGaussian())));
                }
            }
            ToolOutputs.pytorchEvents(results.resolve("tensorboard/" + run
                    + "/events.out.tfevents.1700000000.gpu01.4242.0"), scalars);
        }
        // MLflow: a learning-rate sweep, validation accuracy per epoch.
        Path mlruns = results.resolve("mlruns");
        ToolOutputs.write(mlruns.resolve("0/meta.yaml"), "artifact_location: file:///home/ada/mlruns/0\n"
                + "experiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
        double[] rates = {0.3, 0.1, 0.03, 0.01};
        String[] ids = {"0c1f9a7e2b6d4e58a3f1c2d3e4f5a6b7", "1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a", "2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b",
            "3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c"};
        for (int r = 0; r < rates.length; r++) {
            double peak = 0.90 - 8 * Math.pow(Math.log10(rates[r]) + 1.3, 2) / 10;
            List<String> acc = new ArrayList<>();
            List<String> loss = new ArrayList<>();
            for (int epoch = 0; epoch < 10; epoch++) {
                double a = peak - (peak - 0.35) * Math.exp(-epoch / 2.5) + 0.005 * random.nextGaussian();
                acc.add((1700000000000L + epoch * 60000L) + " " + fmt(a) + " " + epoch);
                loss.add((1700000000000L + epoch * 60000L) + " " + fmt(2.2 * (1 - a) + 0.05) + " " + epoch);
            }
            Map<String, List<String>> metrics = new LinkedHashMap<>();
            metrics.put("val_acc", acc);
            metrics.put("val_loss", loss);
            ToolOutputs.mlflowRun(mlruns, "417243865925119230", "cifar10-lr-sweep", ids[r], "resnet18-lr" + rates[r],
                    Map.of("lr", Double.toString(rates[r]), "batch_size", "128", "model", "resnet18"), metrics,
                    "active");
        }
        // W&B: a chart's CSV export with __MIN/__MAX (W&B samples long histories into buckets) and two run folders.
        StringBuilder csv = new StringBuilder("\"Step\",\"vit-b16 - train/loss\",\"vit-b16 - train/loss__MIN\","
                + "\"vit-b16 - train/loss__MAX\",\"deit-s - train/loss\",\"deit-s - train/loss__MIN\","
                + "\"deit-s - train/loss__MAX\"\n");
        for (int step = 0; step <= 5000; step += 100) {
            csv.append(step);
            for (double speed : new double[] {1.0 / 900, 1.0 / 1500}) {
                double mean = 0.4 + 2.1 * Math.exp(-step * speed);
                double spread = 0.08 + 0.25 * Math.exp(-step * speed);
                csv.append(',').append(fmt(mean)).append(',').append(fmt(mean - spread * (0.8 + 0.2 * random.nextDouble())))
                        .append(',').append(fmt(mean + spread * (0.8 + 0.2 * random.nextDouble())));
            }
            csv.append('\n');
        }
        ToolOutputs.write(results.resolve("wandb_loss.csv"), csv.toString());
        String[][] runs = {{"run-20240512_101500-7x2k9qpa", "vit-b16", "0.0003", "0.9121", "0.2874"},
            {"run-20240512_134502-m3vd81zt", "deit-s", "0.0005", "0.8968", "0.3312"}};
        for (String[] run : runs) {
            Path files = results.resolve("wandb/" + run[0] + "/files");
            ToolOutputs.write(files.resolve("config.yaml"), "wandb_version: 1\n\n_wandb:\n  desc: null\n  value:\n"
                    + "    cli_version: 0.17.0\n    python_version: 3.11.4\nmodel:\n  desc: null\n  value: " + run[1]
                    + "\nlr:\n  desc: null\n  value: " + run[2] + "\nepochs:\n  desc: null\n  value: 30\n");
            ToolOutputs.write(files.resolve("wandb-summary.json"), "{\"val/acc\": " + run[3] + ", \"val/loss\": "
                    + run[4] + ", \"train/grad_norm\": NaN, \"_step\": 5000, \"_runtime\": 5321.7, \"_timestamp\": "
                    + "1715512345.12, \"_wandb\": {\"runtime\": 5321}}");
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
