package dev.texreport.core.course;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pack's course.json: the course name, the milestones in order, and the files the document needs.
 *
 * @param name              printed in each page header next to the milestone title
 * @param extendsPack       the pack this one varies (e.g. {@code builtin}), or null
 * @param timeZone          the zone of due dates written without an offset, e.g. {@code America/Toronto}
 * @param bibliographyStyle the BibTeX style for references.bib
 * @param files             the pack's files TeX needs beside the document (style files)
 * @param milestones        the milestones, in the order they are due
 * @param events            dated events without a document
 * @param layout            what the document template prints besides the paper: first-page notice, running head,
 *                          author rows, citation style
 */
public record CourseDescription(String name, String extendsPack, String timeZone, String bibliographyStyle,
                                List<String> files, List<MilestoneSpec> milestones, List<CourseEvent> events,
                                Layout layout) {
    @JsonCreator
    public CourseDescription(@JsonProperty(value = "name", required = true) String name,
                             @JsonProperty("extends") String extendsPack,
                             @JsonProperty("timeZone") String timeZone,
                             @JsonProperty("bibliographyStyle") String bibliographyStyle,
                             @JsonProperty("files") List<String> files,
                             @JsonProperty(value = "milestones", required = true) List<MilestoneSpec> milestones,
                             @JsonProperty("events") List<CourseEvent> events,
                             @JsonProperty("layout") Layout layout) {
        this.name = name;
        this.extendsPack = extendsPack;
        this.timeZone = Objects.requireNonNullElse(timeZone, "UTC");
        this.bibliographyStyle = Objects.requireNonNullElse(bibliographyStyle, "plainnat");
        this.files = files == null ? List.of() : List.copyOf(files);
        this.milestones = List.copyOf(milestones);
        this.events = events == null ? List.of() : List.copyOf(events);
        this.layout = Objects.requireNonNullElseGet(layout, () -> new Layout(null, null, null, null, null));
    }

    /**
     * The pack's choices for the page furniture. Texts may hold {@code {course}} and {@code {milestone}}, which the
     * document template replaces with the course name and the milestone title.
     *
     * @param notice        the first-page notice per mode ({@code final}, {@code preprint}, {@code anonymous}); a
     *                      mode without one gets no notice
     * @param runningHead   a running head on every page but the first, or empty for none (as NeurIPS)
     * @param authorsPerRow authors per row of the author block, or 0 to fill each row as far as it goes
     * @param natbib        natbib options, e.g. {@code numbers,sort&compress}, or empty for author-year citations
     * @param style         a style file the plugin does not ship and the document template loads, as a file name
     *                      pattern ({@code neurips_*.sty}): found among the pack's files or in the team's sources
     *                      and given to the template as {@code doc.style}; empty when the pack needs none
     */
    public record Layout(Map<String, String> notice, String runningHead, int authorsPerRow, String natbib,
                         String style) {
        private static final Set<String> MODES = Set.of("final", "preprint", "anonymous");

        @JsonCreator
        public Layout(@JsonProperty("notice") Map<String, String> notice,
                      @JsonProperty("runningHead") String runningHead,
                      @JsonProperty("authorsPerRow") Integer authorsPerRow,
                      @JsonProperty("natbib") String natbib,
                      @JsonProperty("style") String style) {
            this(notice, runningHead, authorsPerRow == null ? 0 : authorsPerRow, natbib, style);
        }

        public Layout {
            // Sorted: toString() is part of every milestone's input fingerprint, so its order must not vary.
            notice = notice == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(notice));
            runningHead = Objects.requireNonNullElse(runningHead, "");
            natbib = Objects.requireNonNullElse(natbib, "").strip();
            style = Objects.requireNonNullElse(style, "").strip();
            // A file name a usepackage takes: letters, digits, '_', '-' and one '*' for the varying part.
            if (!style.isEmpty() && !style.matches("[A-Za-z0-9_-]*\\*?[A-Za-z0-9_-]*\\.sty")) {
                throw new IllegalArgumentException("layout.style must be a style file's name, with at most one '*',"
                        + " e.g. \"neurips_*.sty\", not \"" + style + "\"");
            }
            for (String mode : notice.keySet()) {
                if (!MODES.contains(mode)) {
                    throw new IllegalArgumentException("layout.notice has a text for '" + mode + "'; the modes are "
                            + "final, preprint and anonymous");
                }
            }
            if (authorsPerRow < 0) {
                throw new IllegalArgumentException("layout.authorsPerRow must be 0 (fill the rows) or more, not "
                        + authorsPerRow);
            }
            // Passed to LaTeX as they are, so only option names: letters and '&', separated by commas.
            if (!natbib.isEmpty() && !natbib.matches("[A-Za-z&]+(\\s*,\\s*[A-Za-z&]+)*")) {
                throw new IllegalArgumentException("layout.natbib must be natbib options separated by commas, e.g."
                        + " \"numbers,sort&compress\", not \"" + natbib + "\"");
            }
        }
    }
}
