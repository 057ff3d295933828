package dev.texreport.core.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W&amp;B run folder as the {@code wandb} client leaves it ({@code wandb/run-20240101_120000-abc123/}): its
 * {@code files/wandb-summary.json} holds each logged key's last value, its {@code files/config.yaml} the run's
 * config, each key as {@code {desc: ..., value: ...}}. The run becomes one record: {@code run} (the run's id from the
 * folder name), the config values, then the summary (W&amp;B's internal {@code _wandb} entries left out), so that
 * {@code results.wandb} (the folder of runs) is a list of runs for a table.
 */
final class WandbRun {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
    private static final Pattern RUN_FOLDER = Pattern.compile("(?:offline-)?run-\\d{8}_\\d{6}-(.+)");

    record Read(Map<String, Object> record, List<Path> files) { }

    static Path summaryFile(Path folder) {
        return folder.resolve("files").resolve("wandb-summary.json");
    }

    static boolean isRun(Path folder) {
        return Files.isRegularFile(summaryFile(folder));
    }

    static Read read(Path folder, JsonValues json, JsonValues.FileFacts facts) throws IOException {
        List<Path> files = new ArrayList<>();
        Map<String, Object> record = new LinkedHashMap<>();
        String name = folder.getFileName().toString();
        Matcher m = RUN_FOLDER.matcher(name);
        record.put("run", m.matches() ? m.group(1) : name);
        Path config = folder.resolve("files").resolve("config.yaml");
        if (Files.isRegularFile(config)) {
            files.add(config);
            JsonNode root = YAML.readTree(config.toFile());
            if (root != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (entry.getKey().equals("wandb_version") || entry.getKey().startsWith("_")) {
                        continue;
                    }
                    JsonNode value = entry.getValue().has("value") ? entry.getValue().get("value") : entry.getValue();
                    record.put(entry.getKey(), plain(value));
                }
            }
        }
        Path summary = summaryFile(folder);
        files.add(summary);
        Object values = json.read(summary, facts);
        if (values instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!"_wandb".equals(k)) {
                    record.put(String.valueOf(k), v);
                }
            });
        }
        facts.lines.put(record, 1);
        return new Read(record, files);
    }

    /** A YAML value as the results model holds values: text, exact numbers, lists and maps. */
    private static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return CsvRuns.value(node.asText());
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        return node.asText();
    }
}
