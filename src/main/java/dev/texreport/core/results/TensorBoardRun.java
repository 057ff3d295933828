package dev.texreport.core.results;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.texreport.core.numbers.NonFinite;
import dev.texreport.core.numbers.WrittenDecimal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * (Over the house's 250 lines on purpose: the TFRecord framing is in TfRecords, but the Event, Summary and TensorProto fields form one
 * decoder that is easier to check against the field table below when read whole.)
 *
 * The scalars of a TensorBoard run: the {@code events.out.tfevents.*} files of one folder, as one record per step
 * ({@code run}, {@code step}, {@code wall_time} and one field per tag, e.g. {@code train/loss}). Event files are
 * {@link TfRecords}; each record is an {@code Event} protobuf message, decoded here field by field with protobuf-java's
 * {@link CodedInputStream} (the messages are few and only their scalar parts are needed). The fields used, from
 * TensorFlow's {@code event.proto}, {@code summary.proto} and {@code tensor.proto}:
 * <pre>
 *   Event:           1 wall_time (double), 2 step (int64), 5 summary (Summary)
 *   Summary:         1 value (repeated Value)
 *   Summary.Value:   1 tag (string), 2 simple_value (float: TF1, tensorboardX, PyTorch's SummaryWriter),
 *                    8 tensor (TensorProto: TF2's tf.summary.scalar), 9 metadata (SummaryMetadata)
 *   SummaryMetadata: 1 plugin_data (PluginData: 1 plugin_name, "scalars" for scalars)
 *   TensorProto:     1 dtype (1 float, 2 double, 3 int32, 9 int64), 2 tensor_shape (no dim: a scalar),
 *                    4 tensor_content (little-endian bytes), 5 float_val, 6 double_val, 7 int_val, 10 int64_val
 * </pre>
 * TF2 writes a tag's metadata only with its first value, so a tag is a scalar from the first value that says so.
 * Images, histograms, audio, text and graphs are skipped and counted.
 */
final class TensorBoardRun {
    private static final int DT_FLOAT = 1;
    private static final int DT_DOUBLE = 2;
    private static final int DT_INT32 = 3;
    private static final int DT_INT64 = 9;

    /** What one run's files held. */
    record Read(List<Map<String, Object>> records, int scalars, int skipped, List<String> problems,
                Map<String, Integer> notFinite) { }

    private final TreeMap<Long, Map<String, Object>> bySteps = new TreeMap<>();
    private final Set<String> scalarTags = new HashSet<>();
    private final Set<String> otherTags = new HashSet<>();
    private final String run;
    private final Map<String, Integer> notFinite = new LinkedHashMap<>();
    private int scalars;
    private int skipped;

    private TensorBoardRun(String run) {
        this.run = run;
    }

    /**
     * Reads the event files, each with the prefix its tags get (empty for files directly in the run's folder,
     * {@code sub/} for a subfolder, as PyTorch's {@code add_scalars} writes them). A file cut off in its last
     * record (a run still writing) is read up to there, with a note; a record that fails its CRC is an error.
     */
    static Read read(String run, Map<Path, String> files) throws IOException {
        TensorBoardRun reader = new TensorBoardRun(run);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Path, String> file : files.entrySet()) {
            try (TfRecords records = new TfRecords(file.getKey())) {
                byte[] data;
                while ((data = records.next()) != null) {
                    reader.event(data, file.getValue());
                }
            } catch (TfRecords.BadRecord e) {
                if (!e.truncated) {
                    throw e;
                }
                problems.add(file.getKey().getFileName() + ": " + e.getMessage() + " at byte " + e.offset
                        + " (is the run still writing?); the records before it are read");
            }
        }
        return new Read(new ArrayList<>(reader.bySteps.values()), reader.scalars, reader.skipped, problems,
                reader.notFinite);
    }

    private void event(byte[] data, String prefix) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(data);
        double wallTime = Double.NaN;
        long step = 0;
        List<ByteString> summaries = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> wallTime = in.readDouble();
                case 2 -> step = in.readInt64();
                case 5 -> summaries.add(in.readBytes());
                default -> in.skipField(tag);
            }
        }
        for (ByteString summary : summaries) {
            CodedInputStream values = summary.newCodedInput();
            while ((tag = values.readTag()) != 0) {
                if (WireFormat.getTagFieldNumber(tag) == 1) {
                    value(values.readBytes(), step, wallTime, prefix);
                } else {
                    values.skipField(tag);
                }
            }
        }
    }

    private void value(ByteString bytes, long step, double wallTime, String prefix) throws IOException {
        CodedInputStream in = bytes.newCodedInput();
        String name = null;
        Number value = null;
        ByteString tensor = null;
        boolean other = false;
        String plugin = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.readStringRequireUtf8();
                case 2 -> value = number(in.readFloat());
                case 8 -> tensor = in.readBytes();
                case 9 -> plugin = pluginName(in.readBytes());
                case 3, 4, 5, 6 -> {
                    other = true;
                    in.skipField(tag);
                }
                default -> in.skipField(tag);
            }
        }
        if (name == null) {
            return;
        }
        if (plugin != null) {
            (plugin.equals("scalars") ? scalarTags : otherTags).add(prefix + name);
        }
        boolean scalarTag = scalarTags.contains(prefix + name) || plugin == null && !otherTags.contains(prefix + name);
        if (value == null && tensor != null && scalarTag) {
            value = scalarTensor(tensor);
        }
        if (value == null || other) {
            skipped++;
            return;
        }
        scalars++;
        if (value instanceof NonFinite) {
            notFinite.merge(prefix + name, 1, Integer::sum);
        }
        Map<String, Object> record = bySteps.computeIfAbsent(step, s -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("run", run);
            r.put("step", new WrittenDecimal(Long.toString(s)));
            if (!Double.isNaN(wallTime)) {
                r.put("wall_time", new WrittenDecimal(Double.toString(wallTime)));
            }
            return r;
        });
        record.put(prefix + name, value);
    }

    private static String pluginName(ByteString metadata) throws IOException {
        CodedInputStream in = metadata.newCodedInput();
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                CodedInputStream data = in.readBytes().newCodedInput();
                int inner;
                while ((inner = data.readTag()) != 0) {
                    if (WireFormat.getTagFieldNumber(inner) == 1) {
                        return data.readStringRequireUtf8();
                    }
                    data.skipField(inner);
                }
            } else {
                in.skipField(tag);
            }
        }
        return null;
    }

    /** The value of a scalar tensor (no dimensions), or null when the tensor is not a number scalar. */
    private static Number scalarTensor(ByteString bytes) throws IOException {
        CodedInputStream in = bytes.newCodedInput();
        int dtype = 0;
        boolean scalarShape = true;
        ByteString content = null;
        Number value = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            switch (field) {
                case 1 -> dtype = in.readEnum();
                case 2 -> scalarShape = !hasDimensions(in.readBytes());
                case 4 -> content = in.readBytes();
                case 5 -> value = packed ? firstFloat(in.readBytes()) : number(in.readFloat());
                case 6 -> value = packed ? firstDouble(in.readBytes()) : number(in.readDouble());
                case 7 -> value = whole(packed ? in.readBytes().newCodedInput().readInt32() : in.readInt32());
                case 10 -> value = whole(packed ? in.readBytes().newCodedInput().readInt64() : in.readInt64());
                default -> in.skipField(tag);
            }
        }
        if (!scalarShape) {
            return null;
        }
        if (value == null && content != null) {
            ByteBuffer le = content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            value = switch (dtype) {
                case DT_FLOAT -> content.size() == 4 ? number(le.getFloat()) : null;
                case DT_DOUBLE -> content.size() == 8 ? number(le.getDouble()) : null;
                case DT_INT32 -> content.size() == 4 ? whole(le.getInt()) : null;
                case DT_INT64 -> content.size() == 8 ? whole(le.getLong()) : null;
                default -> null;
            };
        }
        return value;
    }

    private static boolean hasDimensions(ByteString shape) throws IOException {
        CodedInputStream in = shape.newCodedInput();
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) == 2) {
                return true;
            }
            in.skipField(tag);
        }
        return false;
    }

    private static Number firstFloat(ByteString packed) throws IOException {
        return packed.size() < 4 ? null : number(packed.newCodedInput().readFloat());
    }

    private static Number firstDouble(ByteString packed) throws IOException {
        return packed.size() < 8 ? null : number(packed.newCodedInput().readDouble());
    }

    /** A float as TensorBoard shows it: the shortest decimal that reads back as the same float. */
    private static Number number(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return NonFinite.parse(Float.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
        return new WrittenDecimal(plain(Float.toString(value)));
    }

    private static Number number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NonFinite.parse(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
        return new WrittenDecimal(plain(Double.toString(value)));
    }

    private static Number whole(long value) {
        return new WrittenDecimal(Long.toString(value));
    }

    /** Java writes 1.0E-5; a results file would say 1e-05. Keep Java's digits, in the usual lower-case form. */
    private static String plain(String javaText) {
        return javaText.replace("E", "e");
    }
}
