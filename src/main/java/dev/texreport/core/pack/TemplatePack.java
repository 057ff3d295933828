package dev.texreport.core.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.texreport.core.ConfigurationException;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A template pack: course.json (milestones and limits), the document template that assembles a milestone's
 * sections into one LaTeX document, and the style files that document loads.
 */
public final class TemplatePack {
    /** Where packs live inside the plugin jar (the top-level templates/ folder is packaged there). */
    static final String PACKS_ON_CLASSPATH = "dev/texreport/packs/";
    public static final String DOCUMENT_TEMPLATE = "document.tex.ftl";

    private final String name;
    private final String resourceRoot;
    private final CourseDescription course;

    private TemplatePack(String name, String resourceRoot, CourseDescription course) {
        this.name = name;
        this.resourceRoot = resourceRoot;
        this.course = course;
    }

    /** The NeurIPS-style pack that ships with the plugin. */
    public static TemplatePack builtin() throws ReportException {
        String root = PACKS_ON_CLASSPATH + "builtin/";
        byte[] json = readResource(root + "course.json", "builtin");
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return new TemplatePack("builtin", root, mapper.readValue(json, CourseDescription.class));
        } catch (IOException e) {
            throw new EnvironmentException("The built-in template pack's course.json is broken: "
                    + (e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()), e);
        }
    }

    public String name() {
        return name;
    }

    public CourseDescription course() {
        return course;
    }

    public Optional<MilestoneSpec> milestone(String id) {
        return course.milestones().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Looks up a milestone id the user typed; the message lists the ids the pack knows. */
    public MilestoneSpec requireMilestone(String id) throws ConfigurationException {
        return milestone(id).orElseThrow(() -> new ConfigurationException("Unknown milestone '" + id
                + "' (report.milestone). This template pack knows: " + knownIds() + "."));
    }

    public String knownIds() {
        return course.milestones().stream().map(MilestoneSpec::id).collect(Collectors.joining(", "));
    }

    public String documentTemplate() throws ReportException {
        return new String(readResource(resourceRoot + DOCUMENT_TEMPLATE, name), StandardCharsets.UTF_8);
    }

    /** The pack's files TeX needs in the working directory, as (name, content) pairs. */
    public List<PackFile> texFiles() throws ReportException {
        List<PackFile> files = new java.util.ArrayList<>();
        for (String file : course.files()) {
            files.add(new PackFile(file, readResource(resourceRoot + file, name)));
        }
        return files;
    }

    /** A file the pack hands to TeX. */
    public record PackFile(String name, byte[] content) { }

    private static byte[] readResource(String path, String pack) throws ReportException {
        try (InputStream in = TemplatePack.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new EnvironmentException("Template pack '" + pack + "' has no file " + path
                        + "; the plugin jar is incomplete. Rebuild or reinstall the plugin.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + path + " from template pack '" + pack + "': "
                    + e.getMessage(), e);
        }
    }
}
