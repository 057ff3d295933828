package dev.texreport.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything one {@code report:build} needs, fixed before the build starts.
 *
 * @param projectDir      the team project's base directory; messages show paths relative to it
 * @param sourceDir       the report sources, normally {@code src/report}
 * @param outputDir       where PDFs, working files and summary.json go, normally {@code target/report}
 * @param milestones      milestone ids to build; empty means every milestone whose folder exists
 * @param title           the paper title (the POM's name)
 * @param authors         the team members (the POM's developers)
 * @param engine          the TeX engine
 * @param texBin          directory holding the TeX binaries, or null to search the PATH
 * @param timeout         the limit for one TeX or bibtex process
 * @param failOnPageLimit whether a milestone over its page limit fails the build
 * @param shellEscape     whether TeX may run shell commands (off unless the user opts in)
 * @param failOnUndefinedReferences whether undefined citations and references after the last pass fail the build
 * @param sourceDateEpoch the time written into PDFs (seconds since 1970), or null to take it from git (the last
 *                        commit touching the report sources) or else a fixed date
 * @param force           rebuild every milestone even when its inputs did not change
 * @param ciSummary       a file the Markdown summary is appended to (GitHub's $GITHUB_STEP_SUMMARY), or null
 * @param template        the template pack: {@code builtin}, a folder, or a pack name on the plugin's classpath
 * @param mode            anonymous, preprint or final
 * @param failingChecks   the PDF format checks whose findings fail the build (the others warn)
 * @param clock           the time deadlines are measured against
 * @param threads         how many milestones may compile at once (TeX is single-threaded)
 */
public record BuildRequest(
        Path projectDir,
        Path sourceDir,
        Path outputDir,
        List<String> milestones,
        String title,
        List<Author> authors,
        Engine engine,
        Path texBin,
        Duration timeout,
        boolean failOnPageLimit,
        boolean shellEscape,
        boolean failOnUndefinedReferences,
        Long sourceDateEpoch,
        boolean force,
        Path ciSummary,
        String template,
        Mode mode,
        java.util.Set<String> failingChecks,
        java.time.Clock clock,
        int threads) {

    public BuildRequest {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(outputDir, "outputDir");
        milestones = List.copyOf(milestones);
        title = Objects.requireNonNullElse(title, "");
        authors = List.copyOf(authors);
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(timeout, "timeout");
        template = Objects.requireNonNullElse(template, "builtin");
        mode = Objects.requireNonNullElse(mode, Mode.FINAL);
        failingChecks = java.util.Set.copyOf(failingChecks);
        clock = Objects.requireNonNullElse(clock, java.time.Clock.systemUTC());
        threads = Math.max(1, threads);
    }

    /**
     * The settings that change what a milestone's build produces (its PDF, its checks, its verdict), one per line:
     * engine, switches, title, authors, mode and failing checks. Part of every milestone's input fingerprint and of
     * the build stamp, so that both follow one list. Written out by hand: a record's toString costs a bootstrap of
     * several milliseconds on its first call, which a no-op build would pay.
     */
    public String outputSettings() {
        StringBuilder text = new StringBuilder(engine.name()).append("\nshellEscape=").append(shellEscape)
                .append("\nfailOnUndefinedReferences=").append(failOnUndefinedReferences)
                .append("\nfailOnPageLimit=").append(failOnPageLimit).append("\ntitle=").append(title)
                .append("\nmode=").append(mode.id()).append("\nchecks=")
                .append(new java.util.TreeSet<>(failingChecks)).append("\nauthors:");
        for (Author author : authors) {
            text.append('\n').append(author.name()).append('|').append(author.email()).append('|')
                    .append(author.affiliation()).append('|').append(author.row());
        }
        return text.toString();
    }

    public static Builder builder(Path projectDir) {
        return new Builder(projectDir);
    }

    /** Builds a request with the documented defaults for whatever is not set. */
    public static final class Builder {
        private final Path projectDir;
        private Path sourceDir;
        private Path outputDir;
        private List<String> milestones = List.of();
        private String title = "";
        private List<Author> authors = List.of();
        private Engine engine = Engine.PDFLATEX;
        private Path texBin;
        private Duration timeout = Duration.ofSeconds(300);
        private boolean failOnPageLimit = true;
        private boolean shellEscape;
        private boolean failOnUndefinedReferences = true;
        private Long sourceDateEpoch;
        private boolean force;
        private Path ciSummary;
        private String template = "builtin";
        private Mode mode = Mode.FINAL;
        private java.util.Set<String> failingChecks = FormatCheck.DEFAULT_FAILING;
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private int threads = 1;

        private Builder(Path projectDir) {
            this.projectDir = projectDir.toAbsolutePath().normalize();
            this.sourceDir = this.projectDir.resolve("src/report");
            this.outputDir = this.projectDir.resolve("target/report");
        }

        public Builder sourceDir(Path value) { sourceDir = value.toAbsolutePath().normalize(); return this; }
        public Builder outputDir(Path value) { outputDir = value.toAbsolutePath().normalize(); return this; }
        public Builder milestones(List<String> value) { milestones = value; return this; }
        public Builder title(String value) { title = value; return this; }
        public Builder authors(List<Author> value) { authors = value; return this; }
        public Builder engine(Engine value) { engine = value; return this; }
        public Builder texBin(Path value) { texBin = value; return this; }
        public Builder timeout(Duration value) { timeout = value; return this; }
        public Builder failOnPageLimit(boolean value) { failOnPageLimit = value; return this; }
        public Builder shellEscape(boolean value) { shellEscape = value; return this; }
        public Builder failOnUndefinedReferences(boolean value) { failOnUndefinedReferences = value; return this; }
        public Builder sourceDateEpoch(Long value) { sourceDateEpoch = value; return this; }
        public Builder force(boolean value) { force = value; return this; }
        public Builder ciSummary(Path value) { ciSummary = value; return this; }
        public Builder template(String value) { template = value; return this; }
        public Builder mode(Mode value) { mode = value; return this; }
        public Builder failingChecks(java.util.Set<String> value) { failingChecks = value; return this; }
        public Builder clock(java.time.Clock value) { clock = value; return this; }
        public Builder threads(int value) { threads = value; return this; }

        public BuildRequest build() {
            return new BuildRequest(projectDir, sourceDir, outputDir, milestones, title, authors, engine, texBin,
                    timeout, failOnPageLimit, shellEscape, failOnUndefinedReferences, sourceDateEpoch, force, ciSummary, template, mode, failingChecks, clock, threads);
        }
    }
}
