package dev.texreport.maven;

import dev.texreport.core.Author;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.Engine;
import dev.texreport.core.FormatCheck;
import dev.texreport.core.Mode;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.ReportService;
import dev.texreport.core.tex.CommonsExecProcessRunner;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.model.Developer;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Parameters every report goal shares, and the translation of core exceptions into Maven's two kinds. */
abstract class AbstractReportMojo extends AbstractMojo {
    /** Skips the goal entirely. */
    @Parameter(property = "report.skip", defaultValue = "false")
    protected boolean skip;

    /** Milestones to build, comma-separated (e.g. {@code final} or {@code proposal,midterm}); empty builds every
     *  milestone whose folder exists. */
    @Parameter(property = "report.milestone")
    protected String milestone;

    /** TeX engine: {@code pdflatex}, {@code lualatex} or {@code xelatex}. */
    @Parameter(property = "report.engine", defaultValue = "pdflatex")
    protected String engine;

    /** Seconds one TeX or bibtex process may run before it is killed. */
    @Parameter(property = "report.timeout", defaultValue = "300")
    protected int timeout;

    /** Whether a milestone over its page limit fails the build; false turns it into a warning. */
    @Parameter(property = "report.failOnPageLimit", defaultValue = "true")
    protected boolean failOnPageLimit;

    /** Whether citations and references still undefined after the last pass fail the build (else: warnings). */
    @Parameter(property = "report.failOnUndefinedReferences", defaultValue = "true")
    protected boolean failOnUndefinedReferences;

    /**
     * The date written into PDFs, as seconds since 1970 or an ISO-8601 instant (as Maven's
     * {@code project.build.outputTimestamp}). Default: the environment's SOURCE_DATE_EPOCH, else the last git
     * commit touching the report sources, else 2020-01-01. Equal inputs and date give byte-identical PDFs.
     */
    @Parameter(property = "report.sourceDateEpoch", defaultValue = "${project.build.outputTimestamp}")
    protected String sourceDateEpoch;

    /**
     * The template pack: {@code builtin}, a folder (relative to the project), or the name of a pack in a jar that is a
     * {@code <dependency>} of the plugin (under {@code dev/texreport/packs/<name>/}).
     */
    @Parameter(property = "report.template", defaultValue = "builtin")
    protected String template;

    /** {@code anonymous} (peer review: no authors, line numbers, checked), {@code preprint} or {@code final}. */
    @Parameter(property = "report.mode", defaultValue = "final")
    protected String mode;

    /**
     * The PDF checks whose findings fail the build, comma-separated; the others are warnings. Checks: paper,
     * fonts-embedded, type3-fonts, margins, style-tweaks, anonymity.
     */
    @Parameter(property = "report.failOnChecks", defaultValue = "paper,fonts-embedded,anonymity")
    protected String failOnChecks;

    /**
     * How many milestones compile at once; 0 means one per core, or one when Maven itself builds modules in
     * parallel (-T), so the two do not compete for the cores.
     */
    @Parameter(property = "report.threads", defaultValue = "0")
    protected int threads;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected org.apache.maven.execution.MavenSession mavenSession;

    /** Rebuilds every milestone even when its inputs did not change since the last build. */
    @Parameter(property = "report.force", defaultValue = "false")
    protected boolean force;

    /** Directory holding the TeX binaries, when they are not on the PATH. */
    @Parameter(property = "report.texBin")
    protected File texBin;

    /** Lets TeX run shell commands (\write18). Off by default; turn on only for sources you trust. */
    @Parameter(property = "report.shellEscape", defaultValue = "false")
    protected boolean shellEscape;

    /** The report sources: one folder per milestone, results/, references.bib, figures/, shared/. */
    @Parameter(property = "report.sourceDirectory", defaultValue = "${project.basedir}/src/report")
    protected File sourceDirectory;

    /** Where PDFs, working files and summary.json are written. */
    @Parameter(property = "report.outputDirectory", defaultValue = "${project.build.directory}/report")
    protected File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The core service with the one process runner; TeX output lines go to the debug log. */
    protected ReportService newService(ReportLog log) {
        return new ReportService(new CommonsExecProcessRunner(log::debug), System.getenv("PATH"), log);
    }

    /** Builds the request from the parameters and the POM (title from name, authors from developers). */
    protected BuildRequest buildRequest() throws MojoFailureException {
        try {
            BuildRequest.Builder builder = BuildRequest.builder(project.getBasedir().toPath())
                    .sourceDir(sourceDirectory.toPath())
                    .outputDir(outputDirectory.toPath())
                    .milestones(splitList(milestone))
                    .title(title())
                    .authors(authors())
                    .engine(Engine.parse(engine))
                    .timeout(Duration.ofSeconds(timeout))
                    .failOnPageLimit(failOnPageLimit)
                    .shellEscape(shellEscape)
                    .failOnUndefinedReferences(failOnUndefinedReferences)
                    .sourceDateEpoch(sourceDate())
                    .force(force)
                    .template(template)
                    .mode(Mode.parse(mode))
                    .failingChecks(FormatCheck.parseList(failOnChecks))
                    .threads(threads > 0 ? threads : mavenSession != null && mavenSession.isParallel() ? 1
                            : Runtime.getRuntime().availableProcessors());
            String stepSummary = System.getenv("GITHUB_STEP_SUMMARY");
            if (stepSummary != null && !stepSummary.isBlank()) {
                builder.ciSummary(java.nio.file.Path.of(stepSummary));
            }
            if (texBin != null) {
                builder.texBin(texBin.toPath().toAbsolutePath());
            }
            if (timeout <= 0) {
                throw new MojoFailureException("report.timeout must be a positive number of seconds, not " + timeout);
            }
            return builder.build();
        } catch (ReportException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private String title() {
        String name = project.getModel().getName();
        if (name == null || name.isBlank()) {
            getLog().warn("The POM has no <name>; using the artifactId '" + project.getArtifactId()
                    + "' as the paper title. Set <name> to the paper's title.");
            return project.getArtifactId();
        }
        return name.strip();
    }

    private List<Author> authors() throws MojoFailureException {
        List<Author> authors = new ArrayList<>();
        for (Developer developer : project.getDevelopers()) {
            authors.add(new Author(developer.getName(), developer.getEmail(), developer.getOrganization(),
                    row(developer)));
        }
        if (authors.isEmpty()) {
            getLog().warn("The POM lists no <developers>; the paper will show no authors.");
        }
        return authors;
    }

    /** A developer's {@code <properties><row>2</row></properties>}: the row of the author block, or 0. */
    private static int row(Developer developer) throws MojoFailureException {
        String value = developer.getProperties() == null ? null : developer.getProperties().getProperty("row");
        if (value == null || value.isBlank()) {
            return 0;
        }
        String text = value.strip();
        if (!text.matches("[1-9]\\d{0,2}")) {
            throw new MojoFailureException("pom.xml: developer '" + developer.getName() + "' has <row>" + value
                    + "</row>; the row of the author block must be a whole number from 1, e.g. <row>2</row>");
        }
        return Integer.parseInt(text);
    }

    private Long sourceDate() throws MojoFailureException {
        String value = sourceDateEpoch;
        if (value == null || value.isBlank()) {
            value = System.getenv("SOURCE_DATE_EPOCH");
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.matches("\\d+") ? Long.parseLong(text) : java.time.OffsetDateTime.parse(text).toEpochSecond();
        } catch (java.time.format.DateTimeParseException e) {
            throw new MojoFailureException("report.sourceDateEpoch must be seconds since 1970 or a date such as "
                    + "2026-05-17T23:59:00Z, not '" + value + "'");
        }
    }

    static List<String> splitList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A team's mistake fails the build; a broken environment is an execution error with a hint. */
    static Exception translate(ReportException e) {
        return e.isUserMistake() ? new MojoFailureException(e.getMessage()) : new MojoExecutionException(e.getMessage());
    }
}
