package dev.texreport.core;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one {@code report:build} needs, fixed before the build starts. Made with {@link #builder}, which starts
 * from {@link BuildDefaults} and checks what it is given.
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
 *                        commit touching the report sources) or else {@link BuildDefaults#FIXED_SOURCE_DATE}
 * @param force           rebuild every milestone even when its inputs did not change
 * @param ciSummary       a file the Markdown summary is appended to (GitHub's $GITHUB_STEP_SUMMARY), or null
 * @param template        the template pack: {@code builtin}, a folder, or a pack name on the plugin's classpath
 * @param mode            anonymous, preprint or final
 * @param failingChecks   the PDF format checks whose findings fail the build (the others warn)
 * @param clock           the time deadlines are measured against
 * @param threads         how many milestones may compile at once (TeX is single-threaded)
 * @param lockTimeout     how long a build waits for another build of the same project to finish
 * @param formatCache     whether passes start from a cached format of the preamble (same PDF, less time)
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
        Set<String> failingChecks,
        Clock clock,
        int threads,
        Duration lockTimeout,
        boolean formatCache) {

    public BuildRequest {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(outputDir, "outputDir");
        milestones = List.copyOf(milestones);
        Objects.requireNonNull(title, "title");
        authors = List.copyOf(authors);
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(mode, "mode");
        failingChecks = Set.copyOf(failingChecks);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
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
                .append(new TreeSet<>(failingChecks)).append("\nauthors:");
        for (Author author : authors) {
            text.append('\n').append(author.name()).append('|').append(author.email()).append('|')
                    .append(author.affiliation()).append('|').append(author.row());
        }
        return text.toString();
    }

    public static Builder builder(Path projectDir) {
        return new Builder(projectDir);
    }

    /**
     * The date written into PDFs from the text a user gave: seconds since 1970, or an ISO-8601 instant such as
     * Maven's {@code project.build.outputTimestamp}; null or blank gives null (take it from git).
     */
    public static Long parseSourceDate(String text) throws ConfigurationException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return value.matches("\\d+") ? Long.parseLong(value) : OffsetDateTime.parse(value).toEpochSecond();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigurationException("report.sourceDateEpoch must be seconds since 1970 or a date such as "
                    + "2026-05-17T23:59:00Z, not '" + text + "'");
        }
    }

    /** Builds a request from {@link BuildDefaults} and whatever is set. */
    public static final class Builder {
        private final Path projectDir;
        private Path sourceDir;
        private Path outputDir;
        private List<String> milestones = List.of();
        private String title = "";
        private List<Author> authors = List.of();
        private Engine engine = Engine.PDFLATEX;
        private Path texBin;
        private Duration timeout = Duration.ofSeconds(Long.parseLong(BuildDefaults.TIMEOUT_SECONDS));
        private boolean failOnPageLimit = Boolean.parseBoolean(BuildDefaults.FAIL_ON_PAGE_LIMIT);
        private boolean shellEscape = Boolean.parseBoolean(BuildDefaults.SHELL_ESCAPE);
        private boolean formatCache = Boolean.parseBoolean(BuildDefaults.FORMAT_CACHE);
        private boolean failOnUndefinedReferences = Boolean.parseBoolean(BuildDefaults.FAIL_ON_UNDEFINED_REFERENCES);
        private Long sourceDateEpoch;
        private boolean force = Boolean.parseBoolean(BuildDefaults.FORCE);
        private Path ciSummary;
        private String template = BuildDefaults.TEMPLATE;
        private Mode mode = Mode.FINAL;
        private Set<String> failingChecks = Set.of(BuildDefaults.FAIL_ON_CHECKS.split(","));
        private Clock clock = Clock.systemUTC();
        private int threads = 1;
        private Duration lockTimeout = Duration.ofSeconds(Long.parseLong(BuildDefaults.LOCK_TIMEOUT_SECONDS));

        private Builder(Path projectDir) {
            this.projectDir = projectDir.toAbsolutePath().normalize();
            this.sourceDir = this.projectDir.resolve(BuildDefaults.SOURCE_DIRECTORY);
            this.outputDir = this.projectDir.resolve(BuildDefaults.OUTPUT_DIRECTORY);
        }

        public Builder sourceDir(Path value) { sourceDir = value.toAbsolutePath().normalize(); return this; }
        public Builder outputDir(Path value) { outputDir = value.toAbsolutePath().normalize(); return this; }
        public Builder milestones(List<String> value) { milestones = value; return this; }
        public Builder title(String value) { title = Objects.requireNonNullElse(value, ""); return this; }
        public Builder authors(List<Author> value) { authors = value; return this; }
        public Builder engine(Engine value) { engine = value; return this; }
        public Builder texBin(Path value) { texBin = value == null ? null : value.toAbsolutePath(); return this; }
        public Builder timeout(Duration value) { timeout = value; return this; }
        public Builder failOnPageLimit(boolean value) { failOnPageLimit = value; return this; }
        public Builder shellEscape(boolean value) { shellEscape = value; return this; }
        public Builder formatCache(boolean value) { formatCache = value; return this; }
        public Builder failOnUndefinedReferences(boolean value) { failOnUndefinedReferences = value; return this; }
        public Builder sourceDateEpoch(Long value) { sourceDateEpoch = value; return this; }
        public Builder force(boolean value) { force = value; return this; }
        public Builder ciSummary(Path value) { ciSummary = value; return this; }
        public Builder template(String value) { template = value == null || value.isBlank() ? BuildDefaults.TEMPLATE : value.strip(); return this; }
        public Builder mode(Mode value) { mode = value; return this; }
        public Builder failingChecks(Set<String> value) { failingChecks = value; return this; }
        public Builder clock(Clock value) { clock = value; return this; }
        public Builder threads(int value) { threads = value; return this; }
        public Builder lockTimeout(Duration value) { lockTimeout = value; return this; }

        /**
         * How many milestones compile at once from what the user asked for: a number, or 0 for one per core, or one
         * when Maven itself builds modules in parallel (-T), so that the two do not compete for the cores.
         */
        public Builder threads(int requested, boolean modulesInParallel) {
            threads = requested > 0 ? requested : modulesInParallel ? 1 : Runtime.getRuntime().availableProcessors();
            return this;
        }

        /** Checks the settings; a value no build can use is the user's mistake. */
        public BuildRequest build() throws ConfigurationException {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new ConfigurationException("report.timeout must be a positive number of seconds, not "
                        + timeout.toSeconds());
            }
            if (lockTimeout.isNegative()) {
                throw new ConfigurationException("report.lockTimeout must be 0 or more seconds, not "
                        + lockTimeout.toSeconds());
            }
            if (threads < 1) {
                throw new ConfigurationException("report.threads must be 0 (one per core) or more, not " + threads);
            }
            return new BuildRequest(projectDir, sourceDir, outputDir, milestones, title, authors, engine, texBin,
                    timeout, failOnPageLimit, shellEscape, failOnUndefinedReferences, sourceDateEpoch, force,
                    ciSummary, template, mode, failingChecks, clock, threads, lockTimeout, formatCache);
        }
    }
}
