package dev.texreport.core.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An MLflow file store ({@code mlruns/}), as MLflow's tracking client writes it:
 * <pre>
 *   mlruns/&lt;experiment id&gt;/meta.yaml                    name: &lt;experiment name&gt;, lifecycle_stage, ...
 *   mlruns/&lt;experiment id&gt;/&lt;run id&gt;/meta.yaml           run_name, status (3 = FINISHED), lifecycle_stage, ...
 *   mlruns/&lt;experiment id&gt;/&lt;run id&gt;/params/&lt;key&gt;       the value as text
 *   mlruns/&lt;experiment id&gt;/&lt;run id&gt;/tags/&lt;key&gt;         the value as text (mlflow.runName: the run's name)
 *   mlruns/&lt;experiment id&gt;/&lt;run id&gt;/metrics/&lt;key&gt;      one line per logged value: "&lt;timestamp ms&gt; &lt;value&gt; &lt;step&gt;"
 * </pre>
 * A key with slashes ({@code train/loss}) is a path below {@code metrics/}. Runs and experiments whose
 * {@code lifecycle_stage} is {@code deleted} are left out, as MLflow's UI does, and so is {@code .trash}.
 *
 * <p>The store becomes {@code {"runs": [...], "history": [...]}}: one record per run (experiment, run, run_id,
 * status, the params, the user's tags, and each metric's last value), and one record per run and step with every
 * metric logged at that step, for line plots.
 */
final class MlflowStore {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
    private static final Map<String, String> STATUS = Map.of("1", "RUNNING", "2", "SCHEDULED", "3", "FINISHED",
            "4", "FAILED", "5", "KILLED");

    /** The store's value and the files it read. */
    record Read(Map<String, Object> value, List<Path> files) { }

    /** A folder is a store when one of its folders has a meta.yaml and a run folder with another meta.yaml. */
    static boolean isStore(Path folder) {
        try (Stream<Path> experiments = Files.list(folder)) {
            return experiments.filter(Files::isDirectory).anyMatch(e -> Files.isRegularFile(e.resolve("meta.yaml"))
                    && hasRun(e));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasRun(Path experiment) {
        try (Stream<Path> runs = Files.list(experiment)) {
            return runs.anyMatch(r -> Files.isRegularFile(r.resolve("meta.yaml")));
        } catch (IOException e) {
            return false;
        }
    }

    static Read read(Path store, JsonValues.FileFacts facts) throws IOException {
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> history = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path experiment : sorted(store)) {
            Path experimentMeta = experiment.resolve("meta.yaml");
            if (!Files.isDirectory(experiment) || !Files.isRegularFile(experimentMeta)) {
                continue;
            }
            JsonNode meta = YAML.readTree(experimentMeta.toFile());
            files.add(experimentMeta);
            if (meta == null || "deleted".equals(meta.path("lifecycle_stage").asText())) {
                continue;
            }
            String experimentName = meta.path("name").asText(experiment.getFileName().toString());
            for (Path runFolder : sorted(experiment)) {
                Path runMeta = runFolder.resolve("meta.yaml");
                if (!Files.isDirectory(runFolder) || !Files.isRegularFile(runMeta)) {
                    continue;
                }
                JsonNode rm = YAML.readTree(runMeta.toFile());
                files.add(runMeta);
                if (rm == null || "deleted".equals(rm.path("lifecycle_stage").asText())) {
                    continue;
                }
                Map<String, String> tags = textFiles(runFolder.resolve("tags"), files);
                String runId = rm.path("run_id").asText(runFolder.getFileName().toString());
                String runName = tags.getOrDefault("mlflow.runName", rm.path("run_name").asText(runId));
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("experiment", experimentName);
                run.put("run", runName);
                run.put("run_id", runId);
                String status = rm.path("status").asText("");
                run.put("status", STATUS.getOrDefault(status, status));
                textFiles(runFolder.resolve("params"), files).forEach((k, v) -> run.putIfAbsent(k, value(v)));
                tags.forEach((k, v) -> {
                    if (!k.startsWith("mlflow.")) {
                        run.putIfAbsent(k, value(v));
                    }
                });
                TreeMap<Long, Map<String, Object>> steps = new TreeMap<>();
                for (Map.Entry<String, Path> metric : metricFiles(runFolder.resolve("metrics")).entrySet()) {
                    files.add(metric.getValue());
                    Object last = null;
                    long lastStep = Long.MIN_VALUE;
                    long lastTime = Long.MIN_VALUE;
                    for (String line : Files.readAllLines(metric.getValue(), StandardCharsets.UTF_8)) {
                        String[] parts = line.strip().split("\\s+");
                        if (parts.length < 2) {
                            continue;
                        }
                        long time = Long.parseLong(parts[0]);
                        long step = parts.length > 2 ? Long.parseLong(parts[2]) : 0;
                        Object value = CsvRuns.value(parts[1]);
                        if (value instanceof dev.texreport.core.numbers.NonFinite) {
                            facts.notFinite.merge(metric.getKey(), 1, Integer::sum);
                        }
                        Map<String, Object> point = steps.computeIfAbsent(step, s -> {
                            Map<String, Object> p = new LinkedHashMap<>();
                            p.put("experiment", experimentName);
                            p.put("run", runName);
                            p.put("step", new dev.texreport.core.numbers.WrittenDecimal(Long.toString(s)));
                            p.put("timestamp", new dev.texreport.core.numbers.WrittenDecimal(Long.toString(time)));
                            return p;
                        });
                        point.put(metric.getKey(), value);
                        if (step > lastStep || step == lastStep && time >= lastTime) {
                            last = value;
                            lastStep = step;
                            lastTime = time;
                        }
                    }
                    if (last != null) {
                        run.put(metric.getKey(), last);
                    }
                }
                runs.add(run);
                history.addAll(steps.values());
            }
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("runs", runs);
        value.put("history", history);
        return new Read(value, files);
    }

    private static List<Path> sorted(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** The files of a params/ or tags/ folder: name (with subfolders, as MLflow keeps keys with slashes) to text. */
    private static Map<String, String> textFiles(Path folder, List<Path> files) throws IOException {
        Map<String, String> values = new TreeMap<>();
        for (Map.Entry<String, Path> file : metricFiles(folder).entrySet()) {
            values.put(file.getKey(), Files.readString(file.getValue(), StandardCharsets.UTF_8).strip());
            files.add(file.getValue());
        }
        return values;
    }

    private static Map<String, Path> metricFiles(Path folder) throws IOException {
        Map<String, Path> keys = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return keys;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                keys.put(dev.texreport.core.ProjectPaths.slashes(folder.relativize(file)), file);
            }
        }
        return keys;
    }

    private static Object value(String text) {
        Object value = CsvRuns.value(text);
        return value == null ? "" : value;
    }
}
