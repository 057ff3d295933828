package dev.texreport.core.pack;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The pack's course.json: the course name, the bibliography style and the milestones in order.
 *
 * @param name              printed in each page header next to the milestone title
 * @param bibliographyStyle the BibTeX style for references.bib
 * @param files             the pack's files TeX needs beside the document (style files)
 * @param milestones        the milestones, in the order they are due
 */
public record CourseDescription(String name, String bibliographyStyle, List<String> files,
                                List<MilestoneSpec> milestones) {
    @JsonCreator
    public CourseDescription(@JsonProperty(value = "name", required = true) String name,
                             @JsonProperty("bibliographyStyle") String bibliographyStyle,
                             @JsonProperty("files") List<String> files,
                             @JsonProperty(value = "milestones", required = true) List<MilestoneSpec> milestones) {
        this.name = name;
        this.bibliographyStyle = Objects.requireNonNullElse(bibliographyStyle, "plainnat");
        this.files = files == null ? List.of() : List.copyOf(files);
        this.milestones = List.copyOf(milestones);
    }
}
