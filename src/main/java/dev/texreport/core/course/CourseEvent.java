package dev.texreport.core.course;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A dated event of the course without a document, e.g. "Proposal feedback from staff". */
public record CourseEvent(String title, String date) {
    @JsonCreator
    public CourseEvent(@JsonProperty(value = "title", required = true) String title,
                       @JsonProperty(value = "date", required = true) String date) {
        this.title = title;
        this.date = date;
    }
}
