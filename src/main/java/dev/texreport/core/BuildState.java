package dev.texreport.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the last successful build of a milestone left for the next one, in {@code target/report/.texreport/}: the
 * input fingerprint, the PDF's hash, the page figures and warnings to report again when nothing changed, and
 * which results files the templates read.
 */
record BuildState(String fingerprint, String pdfSha256, double contentPages, int pdfPages, double linesPerPage,
                  int enginePasses, int bibRuns, List<String> warnings, List<String> errors,
                  List<String> resultsUsed) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonCreator
    BuildState(@JsonProperty("fingerprint") String fingerprint, @JsonProperty("pdfSha256") String pdfSha256,
               @JsonProperty("contentPages") double contentPages, @JsonProperty("pdfPages") int pdfPages,
               @JsonProperty("linesPerPage") double linesPerPage, @JsonProperty("enginePasses") int enginePasses,
               @JsonProperty("bibRuns") int bibRuns, @JsonProperty("warnings") List<String> warnings,
               @JsonProperty("errors") List<String> errors, @JsonProperty("resultsUsed") List<String> resultsUsed) {
        this.fingerprint = fingerprint;
        this.pdfSha256 = pdfSha256;
        this.contentPages = contentPages;
        this.pdfPages = pdfPages;
        this.linesPerPage = linesPerPage;
        this.enginePasses = enginePasses;
        this.bibRuns = bibRuns;
        this.warnings = warnings == null ? List.of() : List.copyOf(warnings);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.resultsUsed = resultsUsed == null ? List.of() : List.copyOf(resultsUsed);
    }

    static Path directory(Path outputDir) {
        return StateDirectory.of(outputDir);
    }

    static Path file(Path outputDir, String milestone) {
        return directory(outputDir).resolve(milestone + ".json");
    }

    static Path seedDir(Path outputDir, String milestone) {
        return directory(outputDir).resolve(milestone + "-aux");
    }

    /** The saved state, or empty when there is none or it cannot be read (then the milestone is simply rebuilt). */
    static Optional<BuildState> read(Path outputDir, String milestone) {
        Path file = file(outputDir, milestone);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(file.toFile(), BuildState.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(Path outputDir, String milestone) throws EnvironmentException {
        AtomicFile.write(file(outputDir, milestone), temp -> MAPPER.writeValue(temp.toFile(), this));
    }

    static void forget(Path outputDir, String milestone) {
        try {
            Files.deleteIfExists(file(outputDir, milestone));
        } catch (IOException ignored) {
            // a stale state only costs a rebuild
        }
    }
}
