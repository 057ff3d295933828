package dev.texreport.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.SourceException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsLoaderTest {
    @TempDir
    Path results;

    @Test
    void filesBecomeKeysAndSubfoldersNestWithExactNumbers() throws Exception {
        Files.writeString(results.resolve("cifar10.json"), "{\"top1\": 0.1, \"runs\": [1, 2.50]}");
        Files.createDirectories(results.resolve("vit-s16"));
        Files.writeString(results.resolve("vit-s16/seed0.json"), "{\"loss\": 1e-3}");
        Map<String, Object> model = new ResultsLoader().load(results).model();
        Map<?, ?> cifar = (Map<?, ?>) model.get("cifar10");
        assertEquals(new BigDecimal("0.1"), cifar.get("top1"));
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("2.50")), cifar.get("runs"));
        assertEquals(new BigDecimal("0.001"), ((Map<?, ?>) ((Map<?, ?>) model.get("vit-s16")).get("seed0")).get("loss"));
    }

    @Test
    void aMissingCommaIsReportedWithFileLineAndColumn() throws Exception {
        Path file = results.resolve("broken.json");
        Files.writeString(file, "{\n  \"a\": 1\n  \"b\": 2\n}\n");
        SourceException e = assertThrows(SourceException.class, () -> new ResultsLoader().load(results));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("broken.json:3:3", d.location().describe(results));
        assertTrue(d.message().startsWith("invalid JSON: Unexpected character ('\"'"), d.message());
        assertEquals("  \"b\": 2", d.sourceLine());
    }

    @Test
    void anAbsentFolderGivesAnEmptyModel() throws Exception {
        assertTrue(new ResultsLoader().load(results.resolve("none")).model().isEmpty());
    }

    @Test
    void numbersNoDoubleCanHoldAreRefusedAtTheirFileKeyAndLine() throws Exception {
        Files.writeString(results.resolve("main.json"), "{\n  \"runs\": [\n    {\"loss\": 1e400, \"lr\": 1e-3}\n  ]\n}\n");
        Files.writeString(results.resolve("tiny.csv"), "method,eps\nours,1e-999\n");
        SourceException e = assertThrows(SourceException.class, () -> new ResultsLoader().load(results));
        List<String> messages = e.diagnostics().stream().map(d -> d.format(results)).toList();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("main.json:3: 'runs[0].loss' is 1e400, beyond what a double can hold"),
                messages.get(0));
        assertTrue(messages.get(1).startsWith("tiny.csv") && messages.get(1).contains("'[0].eps' is 1e-999"),
                messages.get(1));
    }
}
