package dev.texreport.maven;

import dev.texreport.core.Author;
import dev.texreport.core.BuildDefaults;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.ConfigurationException;
import dev.texreport.core.Engine;
import dev.texreport.core.FormatCheck;
import dev.texreport.core.Mode;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.build.ReportBuilder;
import dev.texreport.core.build.ReportService;
import dev.texreport.core.tex.CommonsExecProcessRunner;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Developer;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters every building goal shares (build, watch, sample), in one place, and their translation into one
 * {@link BuildRequest}. Defaults come from {@link BuildDefaults}, the same constants the core's request builder
 * starts from.
 */
abstract class AbstractReportMojo extends AbstractMojo {
    /** Skips the goal entirely. */
    @Parameter(property = "report.skip", defaultValue = "false")
    protected boolean skip;

    /** Milestones to build, comma-separated (e.g. {@code final} or {@code proposal,midterm}); empty builds every
     *  milestone whose folder exists. */
    @Parameter(property = "report.milestone")
    protected String milestone;

    /** TeX engine: {@code pdflatex}, {@code lualatex} or {@code xelatex}. */
    @Parameter(property = "report.engine", defaultValue = BuildDefaults.ENGINE)
    protected String engine;

    /** Seconds one TeX or bibtex process may run before it is killed. */
    @Parameter(property = "report.timeout", defaultValue = BuildDefaults.TIMEOUT_SECONDS)
    protected int timeout;

    /** Whether a milestone over its page limit fails the build; false turns it into a warning. */
    @Parameter(property = "report.failOnPageLimit", defaultValue = BuildDefaults.FAIL_ON_PAGE_LIMIT)
    protected boolean failOnPageLimit;

    /** Whether citations and references still undefined after the last pass fail the build (else: warnings). */
    @Parameter(property = "report.failOnUndefinedReferences",
            defaultValue = BuildDefaults.FAIL_ON_UNDEFINED_REFERENCES)
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
     * dependency of the plugin (the jar holds the pack's files under {@code dev/texreport/packs/NAME/}).
     */
    @Parameter(property = "report.template", defaultValue = BuildDefaults.TEMPLATE)
    protected String template;

    /**
     * {@code anonymous} (for peer review: authors and acknowledgements hidden, line numbers, the PDF checked for the
     * team's names), {@code preprint} or {@code final} (camera-ready).
     */
    @Parameter(property = "report.mode", defaultValue = BuildDefaults.MODE)
    protected String mode;

    /**
     * The PDF checks whose findings fail the build, comma-separated; the others are warnings. Checks: paper,
     * fonts-embedded, type3-fonts, margins, style-tweaks, anonymity.
     */
    @Parameter(property = "report.failOnChecks", defaultValue = BuildDefaults.FAIL_ON_CHECKS)
    protected String failOnChecks;

    /**
     * How many milestones compile at once; 0 means one per core, or one when Maven itself builds modules in
     * parallel (-T), so the two do not compete for the cores.
     */
    @Parameter(property = "report.threads", defaultValue = BuildDefaults.THREADS)
    protected int threads;

    /**
     * Seconds a build waits for another build of the same project to finish (report:watch in one terminal, an IDE's
     * build in another) before it fails; the two never write the same files at once.
     */
    @Parameter(property = "report.lockTimeout", defaultValue = BuildDefaults.LOCK_TIMEOUT_SECONDS)
    protected int lockTimeout;

    /** Rebuilds every milestone even when its inputs did not change since the last build. */
    @Parameter(property = "report.force", defaultValue = BuildDefaults.FORCE)
    protected boolean force;

    /** Directory holding the TeX binaries, when they are not on the PATH. */
    @Parameter(property = "report.texBin")
    protected File texBin;

    /** Lets TeX run shell commands (\write18). Off by default; turn on only for sources you trust. */
    @Parameter(property = "report.shellEscape", defaultValue = BuildDefaults.SHELL_ESCAPE)
    protected boolean shellEscape;

    /**
     * Starts TeX's passes from a format of the preamble the milestones share, dumped once and kept in
     * target/report/.texreport/formats (the PDFs are the same; false: every pass loads the preamble again).
     */
    @Parameter(property = "report.formatCache", defaultValue = BuildDefaults.FORMAT_CACHE)
    protected boolean formatCache;

    /** The report sources: one folder per milestone, results/, references.bib, figures/, shared/. */
    @Parameter(property = "report.sourceDirectory", defaultValue = "${project.basedir}/" + BuildDefaults.SOURCE_DIRECTORY)
    protected File sourceDirectory;

    /** Where PDFs, working files and summary.json are written. */
    @Parameter(property = "report.outputDirectory", defaultValue = "${project.build.directory}/report")
    protected File outputDirectory;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession mavenSession;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** Makes the core service with the one process runner (TeX output to the debug log); tests put a fake here. */
    Function<ReportLog, ReportBuilder> services = log -> new ReportService(new CommonsExecProcessRunner(log::debug),
            System.getenv(), log);

    /** What the goal reads from the environment; tests put a map here. */
    Function<String, String> environment = System::getenv;

    ReportLog reportLog() {
        return new MavenReportLog(getLog());
    }

    /** The request for the project: the parameters, the POM's title and authors, the CI's summary file. */
    protected BuildRequest buildRequest() throws ReportException {
        return request(project.getBasedir().toPath()).title(title()).authors(authors())
                .sourceDir(sourceDirectory.toPath()).outputDir(outputDirectory.toPath()).build();
    }

    /** The parameters as a request builder for a project in {@code projectDir}, before its title and authors. */
    protected BuildRequest.Builder request(Path projectDir) throws ReportException {
        String sourceDate = sourceDateEpoch == null || sourceDateEpoch.isBlank()
                ? environment.apply("SOURCE_DATE_EPOCH") : sourceDateEpoch;
        BuildRequest.Builder builder = BuildRequest.builder(projectDir)
                .milestones(splitList(milestone))
                .engine(Engine.parse(engine))
                .timeout(Duration.ofSeconds(timeout))
                .lockTimeout(Duration.ofSeconds(lockTimeout))
                .failOnPageLimit(failOnPageLimit)
                .shellEscape(shellEscape)
                .formatCache(formatCache)
                .failOnUndefinedReferences(failOnUndefinedReferences)
                .sourceDateEpoch(BuildRequest.parseSourceDate(sourceDate))
                .force(force)
                .template(template)
                .mode(Mode.parse(mode))
                .failingChecks(FormatCheck.parseList(failOnChecks))
                .threads(threads, mavenSession != null && mavenSession.isParallel());
        String stepSummary = environment.apply("GITHUB_STEP_SUMMARY");
        if (stepSummary != null && !stepSummary.isBlank()) {
            builder.ciSummary(Path.of(stepSummary));
        }
        if (texBin != null) {
            builder.texBin(texBin.toPath());
        }
        return builder;
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

    private List<Author> authors() throws ConfigurationException {
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
    private static int row(Developer developer) throws ConfigurationException {
        String value = developer.getProperties() == null ? null : developer.getProperties().getProperty("row");
        if (value == null || value.isBlank()) {
            return 0;
        }
        String text = value.strip();
        if (!text.matches("[1-9]\\d{0,2}")) {
            throw new ConfigurationException("pom.xml: developer '" + developer.getName() + "' has <row>" + value
                    + "</row>; the row of the author block must be a whole number from 1, e.g. <row>2</row>");
        }
        return Integer.parseInt(text);
    }

    static List<String> splitList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
