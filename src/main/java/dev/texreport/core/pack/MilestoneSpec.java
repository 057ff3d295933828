package dev.texreport.core.pack;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One milestone as the template pack declares it in course.json. */
public record MilestoneSpec(String id, String title, int pageLimit) {
    @JsonCreator
    public MilestoneSpec(@JsonProperty(value = "id", required = true) String id,
                         @JsonProperty(value = "title", required = true) String title,
                         @JsonProperty(value = "pageLimit", required = true) int pageLimit) {
        this.id = id;
        this.title = title;
        this.pageLimit = pageLimit;
    }
}
