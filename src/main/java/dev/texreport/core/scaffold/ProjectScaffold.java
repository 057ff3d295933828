package dev.texreport.core.scaffold;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportException;
import dev.texreport.core.course.MilestoneSpec;
import dev.texreport.core.course.Requirements;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.template.LatexOutputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a new team project from a template pack ({@code report:init}): a POM with the plugin, one folder per
 * milestone with skeleton sections that say what belongs there (the pack's required sections, with their hints),
 * a results example used by a table, and a .bib; and the files that build it on a fresh machine and in CI
 * ({@link ScaffoldBuildFiles}). The scaffold builds as it is. Existing files are never touched.
 */
public final class ProjectScaffold {
    /** What a scaffold run did: the files written and the ones that already existed and were kept. */
    public record Outcome(List<Path> written, List<Path> kept) { }

    /**
     * A repository besides Maven Central that the plugin (and a course's pack) came from, e.g. a course's file
     * repository or package registry; the new POM lists it under {@code <pluginRepositories>}.
     */
    public record PluginRepository(String id, String url) { }

    private final TemplatePack pack;
    private final String templateSpec;
    private final String pluginGroupId;
    private final String pluginArtifactId;
    private final String pluginVersion;
    private final String packDependency;
    private final PluginRepository pluginRepository;

    public ProjectScaffold(TemplatePack pack, String templateSpec, String pluginGroupId, String pluginArtifactId,
                           String pluginVersion) {
        this(pack, templateSpec, pluginGroupId, pluginArtifactId, pluginVersion, null);
    }

    /**
     * @param packDependency the pack jar's coordinates ({@code groupId:artifactId:version}) to list as a dependency
     *                       of the plugin in the new POM, or null for a pack that needs none
     */
    public ProjectScaffold(TemplatePack pack, String templateSpec, String pluginGroupId, String pluginArtifactId,
                           String pluginVersion, String packDependency) {
        this(pack, templateSpec, pluginGroupId, pluginArtifactId, pluginVersion, packDependency, null);
    }

    private ProjectScaffold(TemplatePack pack, String templateSpec, String pluginGroupId, String pluginArtifactId,
                            String pluginVersion, String packDependency, PluginRepository pluginRepository) {
        this.pack = pack;
        this.templateSpec = templateSpec;
        this.pluginGroupId = pluginGroupId;
        this.pluginArtifactId = pluginArtifactId;
        this.pluginVersion = pluginVersion;
        this.packDependency = packDependency;
        this.pluginRepository = pluginRepository;
    }

    /** This scaffold, with the repository the plugin came from listed in the new POM (null: none, as for Central). */
    public ProjectScaffold withPluginRepository(PluginRepository repository) {
        return new ProjectScaffold(pack, templateSpec, pluginGroupId, pluginArtifactId, pluginVersion, packDependency,
                repository);
    }

    public Outcome write(Path dir) throws ReportException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", pom(dir));
        files.put("src/report/references.bib", resource("references.bib"));
        files.put("src/report/results/main.json", resource("main.json"));
        for (MilestoneSpec milestone : pack.course().milestones()) {
            milestone(milestone, files);
        }
        Set<String> executable = new java.util.HashSet<>();
        for (ScaffoldBuildFiles.File file : ScaffoldBuildFiles.FILES) {
            files.put(file.path(), resource(file.resource()));
            if (file.executable()) {
                executable.add(file.path());
            }
        }
        List<Path> written = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            if (Files.exists(target)) {
                kept.add(target);
                continue;
            }
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                if (executable.contains(file.getKey())) {
                    // chmod a+x where the file system has such a bit (git then records mvnw as executable)
                    target.toFile().setExecutable(true, false);
                }
            } catch (IOException e) {
                throw new EnvironmentException("Cannot write " + target + ": " + e.getMessage(), e);
            }
            written.add(target);
        }
        return new Outcome(written, kept);
    }

    private void milestone(MilestoneSpec milestone, Map<String, String> files) {
        String folder = "src/report/" + milestone.id() + "/";
        Requirements rules = milestone.requires();
        List<String[]> sections = new ArrayList<>();
        for (Requirements.RequiredSection section : rules.sections()) {
            sections.add(new String[] {section.title(), section.hint()});
        }
        if (sections.isEmpty()) {
            sections.add(new String[] {"Introduction", "the problem, why it matters, and what you found"});
            sections.add(new String[] {"Method", "what you do, precisely enough that another team could redo it"});
        }
        // Files are numbered in tens, so teams can slot sections in between; results go before a conclusion.
        for (int i = 0; i < sections.size(); i++) {
            String name = String.format(Locale.ROOT, "%02d-%s.tex", 10 * (i + 1), slug(sections.get(i)[0]));
            StringBuilder tex = new StringBuilder();
            tex.append("% ").append(milestone.title()).append(": ").append(sections.get(i)[0]).append(".\n");
            tex.append("\\section{").append(LatexOutputFormat.escape(sections.get(i)[0])).append("}\n");
            tex.append("TODO: ").append(sections.get(i)[1].isEmpty() ? "write this section"
                    : LatexOutputFormat.escape(sections.get(i)[1])).append('.');
            if (i == 0) {
                tex.append(" Cite the work you build on, e.g.\\ \\citep{goodfellow2016deep}.");
            }
            tex.append('\n');
            files.put(folder + name, tex.toString());
        }
        if (rules.results() || !milestone.id().equals("proposal")) {
            String last = sections.get(sections.size() - 1)[0].toLowerCase(Locale.ROOT);
            boolean closing = last.startsWith("conclu") || last.startsWith("summary") || last.startsWith("discussion");
            int number = 10 * (closing ? sections.size() - 1 : sections.size()) + 5;
            files.put(folder + String.format(Locale.ROOT, "%02d-results.tex.ftl", number),
                    "% Results come from src/report/results/main.json: edit the JSON, rebuild, and the table follows.\n"
                            + "\\section{Results}\n"
                            + "Our method reaches <@stat runs=results.main where={\"method\": \"Ours\"} metric=\"top1\"/>\\,\\%"
                            + " top-1 accuracy (Table~\\ref{tab:main}).\n\n"
                            + "<@table runs=results.main rows=\"method\" metrics=[\"top1\"] caption=\"Top-1 accuracy on the"
                            + " validation set.\" label=\"tab:main\"/>\n");
        }
        if (!milestone.id().equals("proposal")) {
            files.put(folder + "abstract.tex", "TODO: the abstract in four to six sentences: the problem, the approach,"
                    + " the main result.\n");
        }
    }

    private String pom(Path dir) throws EnvironmentException {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String artifact = slug(name == null ? "team-project" : name.toString());
        String template = templateSpec == null || templateSpec.equals(TemplatePack.BUILTIN) ? ""
                : "    <report.template>" + xml(templateSpec) + "</report.template>\n";
        String dependency = "";
        if (packDependency != null) {
            String[] gav = packDependency.split(":");
            dependency = "        <dependencies>\n          <!-- The course's template pack. -->\n          <dependency>\n"
                    + "            <groupId>" + xml(gav[0]) + "</groupId>\n            <artifactId>" + xml(gav[1])
                    + "</artifactId>\n            <version>" + xml(gav[2]) + "</version>\n          </dependency>\n"
                    + "        </dependencies>\n";
        }
        return resource("pom.xml").replace("%ARTIFACT%", artifact).replace("%TEMPLATE%", template)
                .replace("%DEPENDENCIES%", dependency).replace("%REPOSITORIES%", repositories(dir))
                .replace("%PLUGIN_GROUP%", xml(pluginGroupId)).replace("%PLUGIN_ARTIFACT%", xml(pluginArtifactId))
                .replace("%PLUGIN_VERSION%", xml(pluginVersion));
    }

    private String repositories(Path dir) {
        if (pluginRepository == null) {
            return "";
        }
        return "  <!-- Where the plugin and the course's template pack come from, besides Maven Central. -->\n"
                + "  <pluginRepositories>\n    <pluginRepository>\n      <id>" + xml(pluginRepository.id())
                + "</id>\n      <url>" + xml(projectRelative(pluginRepository.url(), dir)) + "</url>\n"
                + "    </pluginRepository>\n  </pluginRepositories>\n";
    }

    /**
     * A file repository inside the new project (a course repository committed to the course's template repository)
     * is written relative to the project, so that the POM works in every clone and on CI.
     */
    static String projectRelative(String url, Path dir) {
        if (!url.startsWith("file:")) {
            return url;
        }
        try {
            Path repository = Paths.get(java.net.URI.create(url)).toAbsolutePath().normalize();
            Path project = dir.toAbsolutePath().normalize();
            if (repository.startsWith(project)) {
                String relative = project.relativize(repository).toString().replace('\\', '/');
                return "file://${project.basedir}" + (relative.isEmpty() ? "" : "/" + relative);
            }
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // not a plain local file URL: kept as it is
        }
        return url;
    }

    /** Whether a file URL names a folder inside the project, which the new POM then names relative to it. */
    public static boolean isInside(String url, Path dir) {
        return !projectRelative(url, dir).equals(url);
    }

    /** The scaffold's fixed files ship as resources next to this class's package. */
    private static String resource(String name) throws EnvironmentException {
        try (var in = ProjectScaffold.class.getResourceAsStream("/dev/texreport/scaffold/" + name)) {
            if (in == null) {
                throw new EnvironmentException("The plugin jar lacks scaffold/" + name + "; reinstall the plugin.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read scaffold/" + name + ": " + e.getMessage(), e);
        }
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "section" : slug;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
