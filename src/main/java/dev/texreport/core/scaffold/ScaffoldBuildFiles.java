package dev.texreport.core.scaffold;

import java.util.List;

/**
 * The files besides the report that {@code report:init} writes so that a new project builds as written on a fresh
 * machine and in CI: the Maven Wrapper (a Maven version pinned with its SHA-256, downloaded from Maven Central on
 * first use, so only Java must be installed), a .gitignore for the build output, and CI workflows for GitHub Actions
 * and GitLab that install TeX Live, build, and keep the PDFs and summaries; and {@code .mvn/jvm.config}, which runs
 * the project's Maven with the JIT's first tier only and the serial collector: a report build is a short JVM whose
 * Java work is mostly loading classes, and on two cores the optimising compiler's threads took the CPU that TeX and
 * the build wanted (bench: a one-sentence rebuild of the demo 2.8 s instead of 3.8 s, mvn validate 1.0 s instead of
 * 1.5 s). Maven reads the file from the project's folder by itself. Their text lives in the plugin's
 * resources under {@code dev/texreport/scaffold/}; the README shows the same workflow text (a test compares them).
 */
public final class ScaffoldBuildFiles {
    /** One file: where it goes in the new project, the resource it is copied from, and whether it is run. */
    public record File(String path, String resource, boolean executable) { }

    public static final List<File> FILES = List.of(
            new File("mvnw", "mvnw", true),
            new File(".mvn/wrapper/maven-wrapper.properties", "maven-wrapper.properties", false),
            new File(".mvn/jvm.config", "jvm.config", false),
            new File(".gitignore", "gitignore", false),
            new File(".github/workflows/report.yml", "github-report.yml", false),
            new File(".gitlab-ci.yml", "gitlab-ci.yml", false));

    private ScaffoldBuildFiles() {
    }
}
