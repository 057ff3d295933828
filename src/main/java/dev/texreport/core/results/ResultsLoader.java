package dev.texreport.core.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.texreport.core.Diagnostic;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLines;
import dev.texreport.core.SourceLocation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads every JSON file below {@code results/} into plain Java values for the templates: objects become maps in
 * file order, arrays lists, numbers exact {@link BigDecimal}s (never binary floating point). A file
 * {@code results/cifar10.json} is {@code results.cifar10}; {@code results/vit/seed0.json} is
 * {@code results.vit.seed0}.
 */
public final class ResultsLoader {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // 2.50 stays 2.50: trailing zeros are the team's stated precision.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    /** Returns the data model below {@code results}; an absent folder gives an empty model. */
    public LoadedResults load(Path resultsDir) throws ReportException {
        Map<String, Object> model = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(resultsDir)) {
            return new LoadedResults(model, files);
        }
        List<Path> jsonFiles;
        try (Stream<Path> walk = Files.walk(resultsDir)) {
            jsonFiles = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot list " + resultsDir + ": " + e.getMessage(), e);
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (Path file : jsonFiles) {
            try {
                Object value = toJava(mapper.readTree(file.toFile()));
                insert(model, resultsDir.relativize(file), value);
                files.add(file);
            } catch (JsonProcessingException e) {
                JsonLocation where = e.getLocation();
                int line = where == null ? 0 : where.getLineNr();
                int column = where == null ? 0 : where.getColumnNr();
                problems.add(Diagnostic.error(new SourceLocation(file, line, column),
                        "invalid JSON: " + e.getOriginalMessage()).withSourceLine(SourceLines.line(file, line)));
            } catch (IOException e) {
                throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        if (!problems.isEmpty()) {
            throw new SourceException(problems.size() + " results file(s) are not valid JSON", problems);
        }
        return new LoadedResults(model, files);
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> model, Path relative, Object value) {
        Map<String, Object> level = model;
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            level = (Map<String, Object>) level.computeIfAbsent(relative.getName(i).toString(), k -> new TreeMap<>());
        }
        String file = relative.getFileName().toString();
        level.put(file.substring(0, file.length() - ".json".length()), value);
    }

    private static Object toJava(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                map.put(field.getKey(), toJava(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.asText();
    }


    /** The loaded model and the files it came from. */
    public record LoadedResults(Map<String, Object> model, List<Path> files) { }
}
