package dev.texreport.core.incremental;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.texreport.core.Problem;
import dev.texreport.core.ProblemCodec;
import java.util.List;
import java.util.Map;

/**
 * What the last build of a milestone left for the next one: its input fingerprint, the PDF's hash, the page
 * figures and problems to report again when nothing changed, and which results files the templates read.
 *
 * @param pdf      the PDF's file name in the output folder: {@code final.pdf}, or {@code final.failed.pdf} when the
 *                 build failed
 * @param problems each problem as {@link ProblemCodec} writes it
 */
public record MilestoneState(String fingerprint, String pdf, String pdfSha256, double contentPages, int pdfPages,
                             double linesPerPage, List<Map<String, String>> problems, List<String> resultsUsed) {
    @JsonCreator
    public MilestoneState(@JsonProperty("fingerprint") String fingerprint, @JsonProperty("pdf") String pdf,
                          @JsonProperty("pdfSha256") String pdfSha256,
                          @JsonProperty("contentPages") double contentPages, @JsonProperty("pdfPages") int pdfPages,
                          @JsonProperty("linesPerPage") double linesPerPage,
                          @JsonProperty("problems") List<Map<String, String>> problems,
                          @JsonProperty("resultsUsed") List<String> resultsUsed) {
        this.fingerprint = fingerprint;
        this.pdf = pdf;
        this.pdfSha256 = pdfSha256;
        this.contentPages = contentPages;
        this.pdfPages = pdfPages;
        this.linesPerPage = linesPerPage;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
        this.resultsUsed = resultsUsed == null ? List.of() : List.copyOf(resultsUsed);
    }

    public static List<Map<String, String>> encode(List<Problem> problems) {
        return problems.stream().map(ProblemCodec::encode).toList();
    }

    /** The problems again; throws IllegalArgumentException when the state was written by another plugin build. */
    public List<Problem> decodedProblems() {
        return problems.stream().map(ProblemCodec::decode).toList();
    }
}
