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
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a CSV file with a header row (a table of runs, or PyTorch Lightning's metrics.csv) as a list of records:
 * numeric cells become exact decimals, empty cells are missing values.
 */
final class CsvRuns {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private final CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .enable(CsvParser.Feature.TRIM_SPACES).build();

    List<Map<String, Object>> read(Path file) throws ReportException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema)
                .readValues(file.toFile())) {
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                Map<String, Object> record = new LinkedHashMap<>();
                row.forEach((k, v) -> record.put(k, value(v)));
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
        return rows;
    }

    private static Object value(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (NUMBER.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        return text;
    }
}
