package dev.texreport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core must stay usable without Maven: no class under dev.texreport.core imports org.apache.maven. */
class CoreIndependenceTest {
    @Test
    void coreHasNoMavenImports() throws IOException {
        Path core = Path.of("src/main/java/dev/texreport/core");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(core)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("import org.apache.maven");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
