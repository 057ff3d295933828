package dev.texreport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Author;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.ConfigurationException;
import dev.texreport.core.Diagnostic;
import dev.texreport.core.Engine;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.Mode;
import dev.texreport.core.Problem;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLocation;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report:build as Maven runs it, with the core replaced by a fake: parameters in, exceptions and log lines out. */
class BuildMojoTest {
    @TempDir
    Path dir;

    private final MojoHarness harness = new MojoHarness();

    private BuildMojo mojo(MojoHarness.Answer answer) {
        return harness.configure(new BuildMojo(), MojoHarness.project(dir, "Do Small ViTs Need Augmentation?",
                MojoHarness.developer("Zoë Brandt", "zoe@example.edu", "Example University")), answer);
    }

    private BuildResult passing(BuildRequest request) {
        Path pdf = request.outputDir().resolve("final.pdf");
        return new BuildResult(List.of(MilestoneResult.built("final", "Final Report", 8, pdf,
                new MilestoneResult.Pages(7.62, 11, 59), 3, 1, List.of(), Set.of())), List.of(),
                request.outputDir().resolve("summary.json"));
    }

    @Test
    void everyParameterReachesTheRequest() throws Exception {
        BuildMojo mojo = mojo(this::passing);
        mojo.milestone = "final, midterm";
        mojo.engine = "lualatex";
        mojo.timeout = 42;
        mojo.failOnPageLimit = false;
        mojo.failOnUndefinedReferences = false;
        mojo.shellEscape = true;
        mojo.formatCache = false;
        mojo.force = true;
        mojo.template = "packs/dl";
        mojo.mode = "anonymous";
        mojo.failOnChecks = "margins,type3-fonts";
        mojo.threads = 3;
        mojo.texBin = new File("/opt/texlive/bin");
        mojo.sourceDateEpoch = "2026-05-17T23:59:00Z";
        mojo.execute();

        BuildRequest request = harness.requests.get(0);
        assertEquals(dir.toAbsolutePath(), request.projectDir());
        assertEquals(dir.resolve("src/report").toAbsolutePath(), request.sourceDir());
        assertEquals(dir.resolve("target/report").toAbsolutePath(), request.outputDir());
        assertEquals(List.of("final", "midterm"), request.milestones());
        assertEquals("Do Small ViTs Need Augmentation?", request.title());
        assertEquals(List.of(new Author("Zoë Brandt", "zoe@example.edu", "Example University")), request.authors());
        assertEquals(Engine.LUALATEX, request.engine());
        assertEquals(Duration.ofSeconds(42), request.timeout());
        assertEquals(false, request.failOnPageLimit());
        assertEquals(false, request.failOnUndefinedReferences());
        assertEquals(true, request.shellEscape());
        assertEquals(false, request.formatCache());
        assertEquals(true, request.force());
        assertEquals("packs/dl", request.template());
        assertEquals(Mode.ANONYMOUS, request.mode());
        assertEquals(Set.of("margins", "type3-fonts"), request.failingChecks());
        assertEquals(3, request.threads());
        assertEquals(Path.of("/opt/texlive/bin"), request.texBin());
        assertEquals(1779062340L, request.sourceDateEpoch());
        assertNull(request.ciSummary());
        assertEquals(List.of("INFO final: 7.6 of 8 content pages (11 in PDF) -> target/report/final.pdf"),
                harness.log);
    }

    @Test
    void theEnvironmentGivesTheDateAndTheCiSummaryWhenThePomDoesNot() throws Exception {
        BuildMojo mojo = mojo(this::passing);
        mojo.environment = Map.of("SOURCE_DATE_EPOCH", "1650000000", "GITHUB_STEP_SUMMARY", "/tmp/step.md")::get;
        mojo.execute();
        assertEquals(1650000000L, harness.requests.get(0).sourceDateEpoch());
        assertEquals(Path.of("/tmp/step.md"), harness.requests.get(0).ciSummary());
    }

    @Test
    void aPomWithoutNameOrDevelopersBuildsWithWarnings() throws Exception {
        BuildMojo mojo = harness.configure(new BuildMojo(), MojoHarness.project(dir, null), this::passing);
        mojo.execute();
        assertEquals("team-07", harness.requests.get(0).title());
        assertEquals(List.of(), harness.requests.get(0).authors());
        assertTrue(harness.log.contains("WARN The POM has no <name>; using the artifactId 'team-07' as the paper"
                + " title. Set <name> to the paper's title."), harness.log.toString());
        assertTrue(harness.log.contains("WARN The POM lists no <developers>; the paper will show no authors."));
    }

    @Test
    void skipBuildsNothing() throws Exception {
        BuildMojo mojo = mojo(this::passing);
        mojo.skip = true;
        mojo.execute();
        assertEquals(List.of(), harness.requests);
        assertEquals(List.of("INFO Skipping the report build (report.skip=true)."), harness.log);
    }

    @Test
    void aWrongParameterFailsTheBuildNamingTheChoices() {
        BuildMojo mojo = mojo(this::passing);
        mojo.engine = "context";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Unknown TeX engine 'context' (report.engine). Use one of: pdflatex, lualatex, xelatex.",
                e.getMessage());
        assertInstanceOf(ConfigurationException.class, e.getCause());
        assertEquals(List.of(), harness.requests);
    }

    @Test
    void aTimeoutOfZeroIsRefused() {
        BuildMojo mojo = mojo(this::passing);
        mojo.timeout = 0;
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("report.timeout must be a positive number of seconds, not 0", e.getMessage());
    }

    @Test
    void aBadDateIsRefused() {
        BuildMojo mojo = mojo(this::passing);
        mojo.sourceDateEpoch = "yesterday";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("report.sourceDateEpoch must be seconds since 1970 or a date such as 2026-05-17T23:59:00Z,"
                + " not 'yesterday'", e.getMessage());
    }

    @Test
    void mistakesInTheSourcesAreListedAtTheirPlaceThenFailTheBuild() {
        SourceException mistake = new SourceException("the results are not valid JSON", List.of(Diagnostic.error(
                new SourceLocation(dir.resolve("src/report/results/main.json"), 3, 7),
                "Unexpected character ('}'): expected a value")));
        BuildMojo mojo = mojo(request -> {
            throw mistake;
        });
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Report build failed: the results are not valid JSON (listed above)", e.getMessage());
        assertSame(mistake, e.getCause());
        assertEquals(List.of("ERROR src/report/results/main.json:3:7: Unexpected character ('}'): expected a value"),
                harness.log);
    }

    @Test
    void aBrokenEnvironmentIsAnExecutionErrorWithItsHint() {
        EnvironmentException missing = new EnvironmentException("pdflatex was not found on the PATH. Install TeX"
                + " Live");
        BuildMojo mojo = mojo(request -> {
            throw missing;
        });
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("pdflatex was not found on the PATH. Install TeX Live", e.getMessage());
        assertSame(missing, e.getCause());
    }

    @Test
    void aMilestoneOverItsLimitFailsWithTheOverrunAsTheReason() {
        BuildMojo mojo = mojo(request -> new BuildResult(List.of(MilestoneResult.built("final", "Final Report", 8,
                request.outputDir().resolve("final.pdf"), new MilestoneResult.Pages(8.4, 12, 59), 3, 1,
                List.of(new Problem.FormatFinding("final", "margins", 3, "page 3: text reaches 12 pt into the margin",
                        false), Problem.PageLimitExceeded.of("final", 8, 8.4, 59, true)), Set.of())), List.of(),
                request.outputDir().resolve("summary.json")));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Report build failed: final: 8.4 content pages, limit 8 \u2014 about 0.4 page (~24 lines) over",
                e.getMessage());
        assertEquals(List.of("WARN [final] final.pdf: page 3: text reaches 12 pt into the margin [margins]",
                "INFO final: 8.4 of 8 content pages (12 in PDF) -> target/report/final.pdf OVER THE LIMIT"),
                harness.log);
    }

    @Test
    void aMilestoneStoppedByTheMachineIsAnExecutionError() {
        EnvironmentException timeout = new EnvironmentException("pdflatex pass 1 did not finish within 2 s");
        BuildMojo mojo = mojo(request -> new BuildResult(List.of(MilestoneResult.failed("final", "Final Report", 8,
                List.of(Problem.BuildError.of(timeout)), timeout, Set.of())), List.of(),
                request.outputDir().resolve("summary.json")));
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("Report build failed: final: 1 error(s), listed above", e.getMessage());
        assertSame(timeout, e.getCause());
        assertEquals(List.of("ERROR [final] pdflatex pass 1 did not finish within 2 s",
                "INFO final: FAILED, no PDF (1 error(s) above)"), harness.log);
    }

    @Test
    void withReportCompareEachBuiltMilestoneIsComparedAfterTheBuildEvenAFailedOne() {
        BuildMojo mojo = mojo(request -> new BuildResult(List.of(MilestoneResult.built("proposal", "Project Proposal",
                2, request.outputDir().resolve("proposal.pdf"), new MilestoneResult.Pages(1.2, 2, 59), 1, 0,
                List.of(), Set.of()), MilestoneResult.built("midterm", "Mid-Project Report", 6,
                request.outputDir().resolve("midterm.pdf"), new MilestoneResult.Pages(6.4, 8, 59), 1, 0,
                List.of(Problem.PageLimitExceeded.of("midterm", 6, 6.4, 59, true)), Set.of())), List.of(),
                request.outputDir().resolve("summary.json")));
        List<List<String>> compared = new java.util.ArrayList<>();
        mojo.compare = true;
        mojo.comparers = log -> (request, milestones) -> {
            compared.add(milestones);
            log.warn("[compare] latexdiff is not installed");
            return List.of();
        };
        assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(List.of(List.of("proposal", "midterm")), compared);
        assertTrue(harness.log.contains("WARN [compare] latexdiff is not installed"), harness.log.toString());
    }

    @Test
    void withoutReportCompareNothingIsCompared() throws Exception {
        BuildMojo mojo = mojo(this::passing);
        mojo.comparers = log -> (request, milestones) -> {
            throw new AssertionError("compared without report.compare");
        };
        mojo.execute();
    }

    @Test
    void aComparisonThatCannotBeMadeIsOnlyAWarning() throws Exception {
        BuildMojo mojo = mojo(this::passing);
        mojo.compare = true;
        mojo.comparers = log -> (request, milestones) -> {
            throw new EnvironmentException("Cannot write target/report/compare/comparisons.json: disk full");
        };
        mojo.execute();
        assertTrue(harness.log.contains("WARN [compare] no change views: Cannot write "
                + "target/report/compare/comparisons.json: disk full"), harness.log.toString());
    }

    @Test
    void aShardOfABuildWithOneProjectBuildsIt() throws Exception {
        BuildMojo mojo = mojo(this::passing);
        mojo.shard = "2/3";
        mojo.execute();
        assertEquals(1, harness.requests.size());
        assertEquals("WARN report.shard=2/3 splits the team modules of an aggregator; this build has one project, "
                + "which is built.", harness.log.get(0));
        mojo.shard = "three";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("report.shard='three' is not a shard"), e.getMessage());
    }
}
