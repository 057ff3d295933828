package dev.texreport.core;

/**
 * The one place where the defaults of the build's settings are written. The Maven goals' parameters name these
 * constants as their {@code defaultValue} (so {@code mvn help:describe} shows them), and {@link BuildRequest.Builder}
 * starts from them for every caller that is not Maven (tests, the sample goal's own project).
 */
public final class BuildDefaults {
    public static final String ENGINE = "pdflatex";
    /** Seconds one TeX or bibtex process may run. */
    public static final String TIMEOUT_SECONDS = "300";
    public static final String FAIL_ON_PAGE_LIMIT = "true";
    public static final String FAIL_ON_UNDEFINED_REFERENCES = "true";
    public static final String SHELL_ESCAPE = "false";
    public static final String FORMAT_CACHE = "true";
    public static final String FORCE = "false";
    public static final String TEMPLATE = "builtin";
    public static final String MODE = "final";
    public static final String FAIL_ON_CHECKS = "paper,fonts-embedded,anonymity,float-size";
    /** 0: one milestone per core, or one when Maven itself builds modules in parallel. */
    public static final String THREADS = "0";
    /** Seconds a build waits for another build of the same project (report:watch, an IDE) to finish. */
    public static final String LOCK_TIMEOUT_SECONDS = "600";
    public static final String SOURCE_DIRECTORY = "src/report";
    public static final String OUTPUT_DIRECTORY = "target/report";
    /** The date of PDFs built outside git: 2020-01-01T00:00:00Z, so such builds are reproducible too. */
    public static final long FIXED_SOURCE_DATE = 1577836800L;

    private BuildDefaults() {
    }
}
