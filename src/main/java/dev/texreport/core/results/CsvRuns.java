package dev.texreport.core.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.texreport.core.Diagnostic;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLines;
import dev.texreport.core.SourceLocation;
import dev.texreport.core.numbers.NonFinite;
import dev.texreport.core.numbers.WrittenDecimal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CSV file with a header row (a table of runs, PyTorch Lightning's metrics.csv, a W&amp;B export) as a list of
 * records: numeric cells become exact decimals that keep their text, {@code nan}/{@code inf} are not-finite values,
 * and an empty cell is a missing value (the record has no such key).
 *
 * <p>A W&amp;B chart export ("Export panel data" as CSV) is recognised by its header: a step column, then one column
 * per run and metric named {@code <run> - <metric>}, with {@code __MIN} and {@code __MAX} companions when W&amp;B
 * sampled the history into buckets. It is turned into one record per step and run ({@code Step}, {@code run},
 * {@code <metric>}, {@code <metric>__MIN}, {@code <metric>__MAX}), so a line plot draws one line per run with the
 * min/max band.
 */
final class CsvRuns {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WANDB_COLUMN = Pattern.compile("(.+?) - (.+?)(__MIN|__MAX)?");
    private final CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .enable(CsvParser.Feature.TRIM_SPACES).build();

    List<Map<String, Object>> read(Path file, JsonValues.FileFacts facts) throws ReportException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> header = null;
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema)
                .readValues(file.toFile())) {
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                if (header == null) {
                    header = new ArrayList<>(row.keySet());
                }
                Map<String, Object> record = new LinkedHashMap<>();
                for (Map.Entry<String, String> cell : row.entrySet()) {
                    Object value = value(cell.getValue());
                    if (value instanceof NonFinite) {
                        facts.notFinite.merge(cell.getKey(), 1, Integer::sum);
                    }
                    if (value != null) {
                        record.put(cell.getKey(), value);
                    }
                }
                // The header is line 1; a quoted cell spanning lines would shift this, which run files do not have.
                facts.lines.put(record, rows.size() + 2);
                rows.add(record);
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            throw new SourceException(Diagnostic.error(new SourceLocation(file, line, 0),
                    "invalid CSV: " + e.getOriginalMessage()).withSourceLine(SourceLines.line(file, line)));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return header != null && isWandbExport(header) ? wandbLong(header, rows, facts) : rows;
    }

    static Object value(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (NUMBER.matcher(text).matches()) {
            return new WrittenDecimal(text);
        }
        NonFinite notFinite = NonFinite.parse(text);
        return notFinite != null ? notFinite : text;
    }

    /** Every column after the first is {@code <run> - <metric>}, and at least one is a __MIN or __MAX column. */
    static boolean isWandbExport(List<String> header) {
        if (header.size() < 2) {
            return false;
        }
        boolean bucketed = false;
        for (String column : header.subList(1, header.size())) {
            Matcher m = WANDB_COLUMN.matcher(column);
            if (!m.matches()) {
                return false;
            }
            bucketed |= m.group(3) != null;
        }
        return bucketed;
    }

    private static List<Map<String, Object>> wandbLong(List<String> header, List<Map<String, Object>> rows,
                                                       JsonValues.FileFacts facts) {
        String step = header.get(0);
        List<Map<String, Object>> records = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Map<String, Object>> byRun = new LinkedHashMap<>();
            for (String column : header.subList(1, header.size())) {
                Object value = row.get(column);
                if (value == null) {
                    continue;
                }
                Matcher m = WANDB_COLUMN.matcher(column);
                m.matches();
                Map<String, Object> record = byRun.computeIfAbsent(m.group(1), run -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    if (row.get(step) != null) {
                        r.put(step, row.get(step));
                    }
                    r.put("run", run);
                    return r;
                });
                record.put(m.group(2) + (m.group(3) == null ? "" : m.group(3)), value);
            }
            for (Map<String, Object> record : byRun.values()) {
                facts.lines.put(record, facts.lines.getOrDefault(row, 0));
                records.add(record);
            }
        }
        return records;
    }
}
