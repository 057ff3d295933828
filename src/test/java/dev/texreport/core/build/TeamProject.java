package dev.texreport.core.build;

import dev.texreport.core.Author;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.tex.CommonsExecProcessRunner;
import dev.texreport.core.tex.HeldProcess;
import dev.texreport.core.tex.ProcessOutcome;
import dev.texreport.core.tex.ProcessRunner;
import dev.texreport.core.tex.ProcessSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A team project on disk for tests, built with the real TeX install through {@link ReportService}. */
public final class TeamProject {
    private final Path root;
    public final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The debug lines, apart from {@link #log}. */
    public final List<String> debug = new ArrayList<>();
    /** The programs each build started, by file name (pdflatex, bibtex, ...), in order. */
    public final List<String> processes = new ArrayList<>();
    /** The build's environment (the JVM's, unless a test puts a CI's secrets into it). */
    public java.util.Map<String, String> environment = System.getenv();

    public TeamProject(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public TeamProject file(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    /** {@code n} paragraphs of filler text, each about 6 lines at the NeurIPS text width. */
    public static String paragraphs(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            text.append("Paragraph ").append(i).append(". ");
            text.append("We train the model with stochastic gradient descent and report accuracy on the held-out "
                    .repeat(4));
            text.append("\n\n");
        }
        return text.toString();
    }

    /**
     * A request for this project. Unless a test is about the course's content rules, it uses a pack that extends
     * the built-in one without them, so test documents need not have every required section.
     */
    public BuildRequest.Builder request() {
        try {
            file("test-pack/course.json", "{\"name\": \"Deep Learning course project\", \"extends\": \"builtin\","
                    + " \"milestones\": [{\"id\": \"proposal\", \"requires\": {}}, {\"id\": \"midterm\","
                    + " \"requires\": {}}, {\"id\": \"final\", \"requires\": {}}]}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return BuildRequest.builder(root).template("test-pack").title("A Test Paper")
                .authors(List.of(new Author("Zoë Brandt", "zoe@example.edu", "Example University")))
                .timeout(Duration.ofSeconds(60));
    }

    public BuildResult build(BuildRequest request) throws ReportException {
        ReportLog collecting = new ReportLog() {
            @Override public void debug(String message) { debug.add(message); }
            @Override public void info(String message) { log.add("INFO " + message); }
            @Override public void warn(String message) { log.add("WARN " + message); }
            @Override public void error(String message) { log.add("ERROR " + message); }
        };
        CommonsExecProcessRunner real = new CommonsExecProcessRunner();
        // As the plugin's own runner: engines started ahead of a pass (StandbyEngines) are real ones too.
        ProcessRunner recording = new ProcessRunner() {
            @Override
            public ProcessOutcome run(ProcessSpec spec) throws EnvironmentException {
                processes.add(spec.executable().getFileName()
                        + (spec.arguments().contains("--version") ? " --version" : ""));
                return real.run(spec);
            }

            @Override
            public Optional<HeldProcess> hold(ProcessSpec spec) throws EnvironmentException {
                processes.add(spec.executable().getFileName() + " (started ahead of its pass)");
                return real.hold(spec);
            }
        };
        return new ReportService(recording, environment, collecting).build(request);
    }

    public BuildResult build() throws ReportException {
        return build(request().build());
    }
}
