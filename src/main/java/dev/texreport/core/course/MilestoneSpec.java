package dev.texreport.core.course;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One milestone as the template pack declares it in course.json.
 *
 * @param id        the folder name under src/report and the value of report.milestone
 * @param title     printed in the page header, e.g. "Final Report"
 * @param pageLimit content pages allowed
 * @param due       the deadline as written in course.json (ISO date-time, with or without offset), or null
 * @param requires  what the milestone must contain
 */
public record MilestoneSpec(String id, String title, int pageLimit, String due, Requirements requires) {
    @JsonCreator
    public MilestoneSpec(@JsonProperty(value = "id", required = true) String id,
                         @JsonProperty(value = "title", required = true) String title,
                         @JsonProperty(value = "pageLimit", required = true) int pageLimit,
                         @JsonProperty("due") String due,
                         @JsonProperty("requires") Requirements requires) {
        this.id = id;
        this.title = title;
        this.pageLimit = pageLimit;
        this.due = due;
        this.requires = requires == null ? Requirements.NONE : requires;
    }

    public MilestoneSpec(String id, String title, int pageLimit) {
        this(id, title, pageLimit, null, null);
    }
}
