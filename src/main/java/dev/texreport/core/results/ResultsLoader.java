package dev.texreport.core.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
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
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads every JSON and CSV file below {@code results/} into plain Java values for the templates: objects become maps
 * in file order, arrays lists, numbers exact {@link BigDecimal}s (never binary floating point). A file
 * {@code results/cifar10.json} is {@code results.cifar10}; {@code results/vit/seed0.json} is
 * {@code results.vit.seed0}; a CSV file is a list of records, one per row.
 */
public final class ResultsLoader {
    private final CsvRuns csv = new CsvRuns();
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
        Map<String, Path> entries = new LinkedHashMap<>();
        Map<Object, Path> owners = new IdentityHashMap<>();
        if (!Files.isDirectory(resultsDir)) {
            return new LoadedResults(model, files, entries, owners);
        }
        List<Path> dataFiles;
        try (Stream<Path> walk = Files.walk(resultsDir)) {
            dataFiles = walk.filter(p -> Files.isRegularFile(p) && isData(p)).sorted().toList();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot list " + resultsDir + ": " + e.getMessage(), e);
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (Path file : dataFiles) {
            try {
                Object value = file.getFileName().toString().endsWith(".csv") ? csv.read(file)
                        : toJava(mapper.readTree(file.toFile()));
                int before = problems.size();
                outOfRange(value, "", file, problems);
                if (problems.size() > before) {
                    continue;
                }
                Path relative = resultsDir.relativize(file);
                String key = insert(model, relative, value, problems, file);
                entries.put(key, file);
                own(value, file, owners);
                files.add(file);
            } catch (SourceException e) {
                problems.addAll(e.diagnostics());
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
            throw new SourceException(problems.size() + " results file(s) cannot be read", problems);
        }
        return new LoadedResults(model, files, entries, owners);
    }

    private static boolean isData(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".json") || name.endsWith(".csv")) && !name.startsWith(".");
    }

    /** Puts a file's value at its place in the tree; returns its key path, e.g. {@code vit-s16/seed0}. */
    @SuppressWarnings("unchecked")
    private static String insert(Map<String, Object> model, Path relative, Object value, List<Diagnostic> problems,
                                 Path file) {
        Map<String, Object> level = model;
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String folder = relative.getName(i).toString();
            key.append(folder).append('/');
            Object existing = level.computeIfAbsent(folder, k -> new TreeMap<>());
            if (!(existing instanceof TreeMap<?, ?>)) {
                problems.add(Diagnostic.error(SourceLocation.of(file, 0), "clashes with the results file of the same"
                        + " name as its folder '" + folder + "'; rename one of them."));
                return key.toString();
            }
            level = (Map<String, Object>) existing;
        }
        String name = relative.getFileName().toString();
        name = name.substring(0, name.lastIndexOf('.'));
        if (level.containsKey(name)) {
            problems.add(Diagnostic.error(SourceLocation.of(file, 0), "has the same name as another results file or"
                    + " folder ('" + name + "'); rename one of them."));
        }
        level.put(name, value);
        return key.append(name).toString();
    }

    /**
     * Numbers a report cannot hold: every value must fit a double, as every training framework writes them (Python's
     * json writes 1e400 as Infinity). A larger exponent is a typo or a corrupt file, and would print as hundreds of
     * digits (1e999999999 would not print at all).
     */
    private static void outOfRange(Object value, String path, Path file, List<Diagnostic> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, v) -> outOfRange(v, path.isEmpty() ? String.valueOf(key) : path + "." + key, file,
                    problems));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                outOfRange(list.get(i), path + "[" + i + "]", file, problems);
            }
        } else if (value instanceof BigDecimal number && number.signum() != 0) {
            // The decimal exponent: precision - scale - 1 (1e400 has precision 1, scale -400).
            long exponent = (long) number.precision() - number.scale() - 1;
            if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
                String key = path.isEmpty() ? "the value" : "'" + path + "'";
                String named = path.replaceAll("(\\[\\d+])+$", "");
                String last = named.substring(named.lastIndexOf('.') + 1);
                int line = lineOf(file, last);
                problems.add(Diagnostic.error(SourceLocation.of(file, line), key + " is "
                        + number.round(new java.math.MathContext(3)).toString().replace("E", "e")
                        + ", beyond what a double can hold (about 1e-308 to 1e308 in size), which every training"
                        + " framework writes; check the value").withSourceLine(SourceLines.line(file, line)));
            }
        }
    }

    private static final long MAX_EXPONENT = 308;
    private static final long MIN_EXPONENT = -324;

    /** The first line of the file that names {@code key} as a field, 0 when none does. */
    private static int lineOf(Path file, String key) {
        if (key.isEmpty()) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("\"" + key + "\"")) {
                    return i + 1;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
        return 0;
    }

    /** Records every object and array of a file's value as coming from that file. */
    private static void own(Object value, Path file, Map<Object, Path> owners) {
        if (value instanceof Map<?, ?> map) {
            owners.put(map, file);
            map.values().forEach(v -> own(v, file, owners));
        } else if (value instanceof List<?> list) {
            owners.put(list, file);
            list.forEach(v -> own(v, file, owners));
        }
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


    /**
     * The loaded model and where it came from.
     *
     * @param model   the tree below {@code results}: folders are sorted maps, files their parsed values
     * @param files   every file read
     * @param entries each file's key path in the tree ({@code vit-s16/seed0}) and the file
     * @param owners  every object and array of the model, by identity, and the file it came from
     */
    public record LoadedResults(Map<String, Object> model, List<Path> files, Map<String, Path> entries,
                                Map<Object, Path> owners) { }
}
