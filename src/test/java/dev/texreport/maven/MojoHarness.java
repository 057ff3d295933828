package dev.texreport.maven;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.ReportException;
import dev.texreport.core.build.ReportBuilder;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Developer;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/** What the Mojo tests share: a team's POM in a folder, a log that keeps its lines, a fake core service. */
final class MojoHarness {
    /** Every line the Mojo logged, as {@code LEVEL text}. */
    final List<String> log = new ArrayList<>();
    /** Every request the fake service received. */
    final List<BuildRequest> requests = new ArrayList<>();

    /** What the fake service does with a request. */
    @FunctionalInterface
    interface Answer {
        BuildResult answer(BuildRequest request) throws ReportException;
    }

    static MavenProject project(Path dir, String name, Developer... developers) {
        Model model = new Model();
        model.setGroupId("edu.example");
        model.setArtifactId("team-07");
        model.setVersion("1.0");
        model.setName(name);
        for (Developer developer : developers) {
            model.addDeveloper(developer);
        }
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());
        return project;
    }

    static Developer developer(String name, String email, String organization) {
        Developer developer = new Developer();
        developer.setName(name);
        developer.setEmail(email);
        developer.setOrganization(organization);
        return developer;
    }

    /** Sets the parameters every building goal has, with the values Maven would give by default. */
    <T extends AbstractReportMojo> T configure(T mojo, MavenProject project, Answer answer) {
        File base = project.getBasedir();
        mojo.project = project;
        mojo.engine = "pdflatex";
        mojo.timeout = 300;
        mojo.lockTimeout = 600;
        mojo.failOnPageLimit = true;
        mojo.failOnUndefinedReferences = true;
        mojo.template = "builtin";
        mojo.mode = "final";
        mojo.failOnChecks = "paper,fonts-embedded,anonymity";
        mojo.sourceDirectory = new File(base, "src/report");
        mojo.outputDirectory = new File(base, "target/report");
        mojo.environment = Map.<String, String>of()::get;
        mojo.services = reportLog -> new ReportBuilder() {
            @Override
            public BuildResult build(BuildRequest request) throws ReportException {
                requests.add(request);
                return answer.answer(request);
            }

            @Override
            public BuildResult rebuild(BuildRequest request) throws ReportException {
                return build(request);
            }
        };
        mojo.setLog(log());
        return mojo;
    }

    Log log() {
        return new Log() {
            @Override public boolean isDebugEnabled() { return false; }
            @Override public void debug(CharSequence content) { }
            @Override public void debug(CharSequence content, Throwable error) { }
            @Override public void debug(Throwable error) { }
            @Override public boolean isInfoEnabled() { return true; }
            @Override public void info(CharSequence content) { log.add("INFO " + content); }
            @Override public void info(CharSequence content, Throwable error) { log.add("INFO " + content); }
            @Override public void info(Throwable error) { log.add("INFO " + error); }
            @Override public boolean isWarnEnabled() { return true; }
            @Override public void warn(CharSequence content) { log.add("WARN " + content); }
            @Override public void warn(CharSequence content, Throwable error) { log.add("WARN " + content); }
            @Override public void warn(Throwable error) { log.add("WARN " + error); }
            @Override public boolean isErrorEnabled() { return true; }
            @Override public void error(CharSequence content) { log.add("ERROR " + content); }
            @Override public void error(CharSequence content, Throwable error) { log.add("ERROR " + content); }
            @Override public void error(Throwable error) { log.add("ERROR " + error); }
        };
    }
}
