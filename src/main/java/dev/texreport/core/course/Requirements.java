package dev.texreport.core.course;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a milestone must contain, from the course's brief.
 *
 * @param sections  sections that must be there, each with the titles accepted for it
 * @param citations the least number of citations that must resolve to references.bib entries
 * @param results   whether at least one value, table or figure must come from results/
 */
public record Requirements(List<RequiredSection> sections, int citations, boolean results) {
    public static final Requirements NONE = new Requirements(List.of(), 0, false);

    @JsonCreator
    public Requirements(@JsonProperty("sections") List<RequiredSection> sections,
                        @JsonProperty("citations") Integer citations, @JsonProperty("results") Boolean results) {
        this(sections == null ? List.of() : List.copyOf(sections), citations == null ? 0 : citations,
                results != null && results);
    }

    public Requirements {
        sections = List.copyOf(sections);
    }

    /**
     * A required section: its title, other titles that count as the same section, and a hint for the student.
     *
     * @param title the title a skeleton uses
     * @param also  other accepted titles (compared ignoring case and punctuation)
     * @param hint  one sentence on what belongs there
     */
    public record RequiredSection(String title, List<String> also, String hint) {
        @JsonCreator
        public RequiredSection(@JsonProperty(value = "title", required = true) String title,
                               @JsonProperty("also") List<String> also, @JsonProperty("hint") String hint) {
            this.title = title;
            this.also = also == null ? List.of() : List.copyOf(also);
            this.hint = hint == null ? "" : hint;
        }
    }
}
