package dev.texreport.core.results;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes results the way the training tools write them, for tests (the tools themselves are Python packages this
 * build cannot install). The formats, as the tools define them:
 * <ul>
 *   <li>TensorBoard: {@code events.out.tfevents.<time>.<host>.<pid>.<n>}, a TFRecord file (uint64 length, masked
 *       CRC-32C of the length, data, masked CRC-32C of the data; all little-endian) of {@code Event} messages. The
 *       first event holds only {@code file_version = "brain.Event:2"}. PyTorch's SummaryWriter (and TF1,
 *       tensorboardX) writes a scalar as {@code Summary.Value.simple_value} (a float); TF2's
 *       {@code tf.summary.scalar} writes a {@code TensorProto} (dtype DT_FLOAT, an empty shape, the value in
 *       {@code float_val} or {@code tensor_content}), with {@code metadata.plugin_data.plugin_name = "scalars"} on a
 *       tag's first value only.</li>
 *   <li>MLflow's file store: {@code mlruns/<experiment id>/meta.yaml}, {@code mlruns/<experiment id>/<run id>/
 *       {meta.yaml, params/<key>, tags/<key>, metrics/<key>}}, a metric file holding one
 *       {@code "<timestamp ms> <value> <step>"} line per logged value.</li>
 *   <li>W&B: a run folder {@code run-<yyyymmdd_hhmmss>-<id>/files/} with {@code wandb-summary.json} (each key's
 *       last value, Python's JSON with NaN) and {@code config.yaml} ({@code key: {desc: null, value: ...}}); and a
 *       chart's "Export panel data" CSV: {@code Step}, then per run {@code "<run> - <metric>"} with
 *       {@code __MIN} and {@code __MAX} columns.</li>
 * </ul>
 */
public final class ToolOutputs {
    private ToolOutputs() {
    }

    /** One scalar event. */
    public record Scalar(long step, double wallTime, String tag, float value) { }

    /** PyTorch's SummaryWriter.add_scalar: simple_value. */
    public static void pytorchEvents(Path file, List<Scalar> scalars) throws IOException {
        try (OutputStream out = open(file)) {
            record(out, versionEvent(scalars.isEmpty() ? 0 : scalars.get(0).wallTime()));
            for (Scalar s : scalars) {
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                CodedOutputStream v = CodedOutputStream.newInstance(value);
                v.writeString(1, s.tag());
                v.writeFloat(2, s.value());
                v.flush();
                record(out, event(s, value.toByteArray()));
            }
        }
    }

    /** TF2's tf.summary.scalar: a float tensor, the "scalars" plugin named with each tag's first value only. */
    public static void tf2Events(Path file, List<Scalar> scalars, boolean contentBytes) throws IOException {
        java.util.Set<String> described = new java.util.HashSet<>();
        try (OutputStream out = open(file)) {
            record(out, versionEvent(scalars.isEmpty() ? 0 : scalars.get(0).wallTime()));
            for (Scalar s : scalars) {
                ByteArrayOutputStream tensor = new ByteArrayOutputStream();
                CodedOutputStream t = CodedOutputStream.newInstance(tensor);
                t.writeEnum(1, 1);
                t.writeBytes(2, ByteString.EMPTY);
                if (contentBytes) {
                    t.writeBytes(4, ByteString.copyFrom(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                            .putFloat(s.value()).array()));
                } else {
                    t.writeFloat(5, s.value());
                }
                t.flush();
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                CodedOutputStream v = CodedOutputStream.newInstance(value);
                v.writeString(1, s.tag());
                v.writeBytes(8, ByteString.copyFrom(tensor.toByteArray()));
                if (described.add(s.tag())) {
                    ByteArrayOutputStream plugin = new ByteArrayOutputStream();
                    CodedOutputStream pd = CodedOutputStream.newInstance(plugin);
                    pd.writeString(1, "scalars");
                    pd.flush();
                    ByteArrayOutputStream metadata = new ByteArrayOutputStream();
                    CodedOutputStream md = CodedOutputStream.newInstance(metadata);
                    md.writeBytes(1, ByteString.copyFrom(plugin.toByteArray()));
                    md.flush();
                    v.writeBytes(9, ByteString.copyFrom(metadata.toByteArray()));
                }
                v.flush();
                record(out, event(s, value.toByteArray()));
            }
        }
    }

    /** An image summary (Summary.Value.image, field 4), which the reader skips. */
    public static byte[] imageEvent(long step, String tag) throws IOException {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        CodedOutputStream v = CodedOutputStream.newInstance(value);
        v.writeString(1, tag);
        v.writeBytes(4, ByteString.copyFromUtf8("png bytes"));
        v.flush();
        return event(new Scalar(step, 1.7e9, tag, 0), value.toByteArray());
    }

    public static OutputStream open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.newOutputStream(file);
    }

    private static byte[] versionEvent(double wallTime) throws IOException {
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        CodedOutputStream e = CodedOutputStream.newInstance(event);
        e.writeDouble(1, wallTime);
        e.writeString(3, "brain.Event:2");
        e.flush();
        return event.toByteArray();
    }

    private static byte[] event(Scalar s, byte[] value) throws IOException {
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        CodedOutputStream sm = CodedOutputStream.newInstance(summary);
        sm.writeBytes(1, ByteString.copyFrom(value));
        sm.flush();
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        CodedOutputStream e = CodedOutputStream.newInstance(event);
        e.writeDouble(1, s.wallTime());
        e.writeInt64(2, s.step());
        e.writeBytes(5, ByteString.copyFrom(summary.toByteArray()));
        e.flush();
        return event.toByteArray();
    }

    /** One TFRecord: the framing with masked CRC-32C checks. */
    public static void record(OutputStream out, byte[] data) throws IOException {
        byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
        out.write(length);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(TfRecords.masked(length, 0, 8))
                .array());
        out.write(data);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(TfRecords.masked(data, 0, data.length)).array());
    }

    /** An MLflow run in the file store; metrics as (key -> "timestamp value step" lines). */
    public static void mlflowRun(Path mlruns, String experimentId, String experimentName, String runId, String runName,
                          Map<String, String> params, Map<String, List<String>> metrics, String lifecycle)
            throws IOException {
        Path experiment = mlruns.resolve(experimentId);
        write(experiment.resolve("meta.yaml"), "artifact_location: file:///tmp/mlruns/" + experimentId + "\n"
                + "creation_time: 1700000000000\nexperiment_id: '" + experimentId + "'\nlast_update_time: "
                + "1700000000000\nlifecycle_stage: active\nname: " + experimentName + "\n");
        Path run = experiment.resolve(runId);
        write(run.resolve("meta.yaml"), "artifact_uri: file:///tmp/mlruns/" + experimentId + "/" + runId
                + "/artifacts\nend_time: 1700000600000\nentry_point_name: ''\nexperiment_id: '" + experimentId
                + "'\nlifecycle_stage: " + lifecycle + "\nrun_id: " + runId + "\nrun_name: " + runName
                + "\nrun_uuid: " + runId + "\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: "
                + "1700000000000\nstatus: 3\ntags: []\nuser_id: student\n");
        write(run.resolve("tags/mlflow.runName"), runName);
        write(run.resolve("tags/mlflow.user"), "student");
        for (Map.Entry<String, String> param : params.entrySet()) {
            write(run.resolve("params").resolve(param.getKey()), param.getValue());
        }
        for (Map.Entry<String, List<String>> metric : metrics.entrySet()) {
            write(run.resolve("metrics").resolve(metric.getKey()), String.join("\n", metric.getValue()) + "\n");
        }
    }

    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
