package dev.texreport.core.course;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

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
 */
public record CourseDescription(String name, String extendsPack, String timeZone, String bibliographyStyle,
                                List<String> files, List<MilestoneSpec> milestones, List<CourseEvent> events) {
    @JsonCreator
    public CourseDescription(@JsonProperty(value = "name", required = true) String name,
                             @JsonProperty("extends") String extendsPack,
                             @JsonProperty("timeZone") String timeZone,
                             @JsonProperty("bibliographyStyle") String bibliographyStyle,
                             @JsonProperty("files") List<String> files,
                             @JsonProperty(value = "milestones", required = true) List<MilestoneSpec> milestones,
                             @JsonProperty("events") List<CourseEvent> events) {
        this.name = name;
        this.extendsPack = extendsPack;
        this.timeZone = Objects.requireNonNullElse(timeZone, "UTC");
        this.bibliographyStyle = Objects.requireNonNullElse(bibliographyStyle, "plainnat");
        this.files = files == null ? List.of() : List.copyOf(files);
        this.milestones = List.copyOf(milestones);
        this.events = events == null ? List.of() : List.copyOf(events);
    }
}
