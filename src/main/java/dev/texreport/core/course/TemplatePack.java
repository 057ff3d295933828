package dev.texreport.core.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.texreport.core.ConfigurationException;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A template pack: course.json (course name, milestones with page limits, due dates and required content), the
 * document template that assembles a milestone's files into one LaTeX document, and the style files it loads.
 *
 * <p>A pack is found by name: {@code builtin} (the NeurIPS-style pack in the plugin jar), a folder (relative to the
 * team project), or a pack inside a jar on the plugin's classpath (a {@code <dependency>} of the plugin) under
 * {@code dev/texreport/packs/<name>/}. A pack may {@code "extends"} another: its course.json then only states what
 * differs (milestones are merged by id, field by field), and files it does not have come from the parent.
 */
public final class TemplatePack {
    /** Where packs live on the classpath (the top-level templates/ folder is packaged there). */
    public static final String PACKS_ON_CLASSPATH = "dev/texreport/packs/";
    public static final String COURSE = "course.json";
    public static final String DOCUMENT_TEMPLATE = "document.tex.ftl";
    public static final String BUILTIN = "builtin";
    private static final int MAX_EXTENDS = 8;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String name;
    private final List<PackSource> sources;
    private final CourseDescription course;
    private final PackTrail trail;

    private TemplatePack(String name, List<PackSource> sources, CourseDescription course, PackTrail trail) {
        this.name = name;
        this.sources = List.copyOf(sources);
        this.course = course;
        this.trail = trail;
    }

    /**
     * Finds and reads a pack.
     *
     * @param spec       {@code builtin}, a folder path (relative to {@code projectDir}), or a pack name on the
     *                   classpath
     * @param projectDir the team project, for relative folder paths
     * @param loader     the plugin's class loader (with the plugin's dependencies)
     */
    public static TemplatePack load(String spec, Path projectDir, ClassLoader loader) throws ReportException {
        String wanted = spec == null || spec.isBlank() ? BUILTIN : spec.strip();
        PackTrail trail = new PackTrail();
        List<PackSource> chain = new ArrayList<>();
        List<ObjectNode> courses = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String next = wanted;
        Path base = projectDir;
        while (next != null) {
            if (!seen.add(next) || seen.size() > MAX_EXTENDS) {
                throw new ConfigurationException("Template pack '" + wanted + "' extends itself in a circle: "
                        + String.join(" -> ", seen) + " -> " + next);
            }
            PackSource source = PackSource.locate(next, base, loader);
            trail.found(next, base, source);
            ObjectNode json = courseJson(source, trail);
            chain.add(source);
            courses.add(json);
            JsonNode parent = json.get("extends");
            if (parent != null && !parent.isTextual()) {
                throw new ConfigurationException(source.describe() + "/course.json: \"extends\" must be a pack name");
            }
            next = parent == null ? null : parent.asText();
            if (source.describe().startsWith("folder ")) {
                base = Path.of(source.describe().substring("folder ".length()));
            }
        }
        ObjectNode merged = courses.get(courses.size() - 1).deepCopy();
        for (int i = courses.size() - 2; i >= 0; i--) {
            merged = CourseMerge.merge(merged, courses.get(i));
        }
        try {
            CourseDescription course = MAPPER.treeToValue(merged, CourseDescription.class);
            TemplatePack pack = new TemplatePack(wanted, chain, course, trail);
            pack.validate();
            return pack;
        } catch (JsonProcessingException e) {
            // A value the record rejects says what is wrong in its own message; Jackson's wrapper only adds noise.
            String why = e instanceof ValueInstantiationException && e.getCause() != null
                    ? e.getCause().getMessage() : e.getOriginalMessage();
            throw new ConfigurationException("Template pack '" + wanted + "' has an invalid course.json: " + why);
        }
    }

    private static ObjectNode courseJson(PackSource source, PackTrail trail) throws ReportException {
        byte[] bytes = trail.read(source, COURSE).orElseThrow(() -> new ConfigurationException(source.describe()
                + " has no course.json"));
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            if (!(tree instanceof ObjectNode object)) {
                throw new ConfigurationException(source.describe() + "/course.json must be a JSON object");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new ConfigurationException(source.describe() + "/course.json, line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + source.describe() + "/course.json: " + e.getMessage(), e);
        }
    }

    private void validate() throws ReportException {
        ZoneId zone = zone();
        for (MilestoneSpec m : course.milestones()) {
            if (!m.id().matches("[a-z0-9][a-z0-9-]*")) {
                throw new ConfigurationException("Template pack '" + name + "': milestone id '" + m.id() + "' must be"
                        + " lower-case letters, digits and '-' (it is a folder name)");
            }
            if (m.pageLimit() <= 0) {
                throw new ConfigurationException("Template pack '" + name + "': milestone '" + m.id() + "' needs a "
                        + "pageLimit above 0");
            }
            if (m.due() != null) {
                parseDate(m.due(), zone, "milestone '" + m.id() + "'");
            }
        }
        for (CourseEvent event : course.events()) {
            parseDate(event.date(), zone, "event '" + event.title() + "'");
        }
        documentTemplate();
    }

    public String name() {
        return name;
    }

    public CourseDescription course() {
        return course;
    }

    /** Every place loading and using this pack looked at so far, to tell later whether the pack changed. */
    public PackTrail trail() {
        return trail;
    }

    /** The folders of the pack and the packs it extends that are folders (staff's packs under development). */
    public List<Path> folders() {
        return sources.stream().map(PackSource::folder).flatMap(Optional::stream).toList();
    }

    /** Where the pack was found, e.g. {@code classpath dev/texreport/packs/builtin/}. */
    public String origin() {
        return sources.stream().map(PackSource::describe).collect(Collectors.joining(" extends "));
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

    public ZoneId zone() throws ConfigurationException {
        try {
            return ZoneId.of(course.timeZone());
        } catch (DateTimeException e) {
            throw new ConfigurationException("Template pack '" + name + "': unknown timeZone '" + course.timeZone()
                    + "' (use a name such as Europe/Zurich or America/Toronto)");
        }
    }

    /** The milestone's deadline in the pack's time zone, if it has one. */
    public Optional<ZonedDateTime> due(MilestoneSpec milestone) throws ConfigurationException {
        return milestone.due() == null ? Optional.empty()
                : Optional.of(parseDate(milestone.due(), zone(), "milestone '" + milestone.id() + "'"));
    }

    /** The event's date in the pack's time zone. */
    public ZonedDateTime date(CourseEvent event) throws ConfigurationException {
        return parseDate(event.date(), zone(), "event '" + event.title() + "'");
    }

    private ZonedDateTime parseDate(String text, ZoneId zone, String what) throws ConfigurationException {
        try {
            return ZonedDateTime.parse(text).withZoneSameInstant(zone);
        } catch (DateTimeException withoutZone) {
            try {
                return LocalDateTime.parse(text).atZone(zone);
            } catch (DateTimeException e) {
                throw new ConfigurationException("Template pack '" + name + "': " + what + " has the date '" + text
                        + "'; write it as 2022-05-17T23:59 (in the pack's timeZone) or 2022-05-17T23:59-04:00");
            }
        }
    }

    /** The first file of that name along the extends chain. */
    public Optional<byte[]> file(String fileName) throws ReportException {
        for (PackSource source : sources) {
            Optional<byte[]> content = trail.read(source, fileName);
            if (content.isPresent()) {
                return content;
            }
        }
        return Optional.empty();
    }

    public String documentTemplate() throws ReportException {
        byte[] bytes = file(DOCUMENT_TEMPLATE).orElseThrow(() -> new ConfigurationException("Template pack '" + name
                + "' (" + origin() + ") has no " + DOCUMENT_TEMPLATE));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The pack's files TeX needs in the working directory, as (name, content) pairs. */
    public List<PackFile> texFiles() throws ReportException {
        List<PackFile> files = new ArrayList<>();
        for (String file : course.files()) {
            files.add(new PackFile(file, file(file).orElseThrow(() -> new ConfigurationException("Template pack '"
                    + name + "' lists " + file + " in course.json, but " + origin() + " has no such file"))));
        }
        return files;
    }

    /** A file the pack hands to TeX. */
    public record PackFile(String name, byte[] content) { }
}
