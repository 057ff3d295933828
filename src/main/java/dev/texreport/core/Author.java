package dev.texreport.core;

import java.util.Objects;

/**
 * A team member as printed under the title. Affiliation and e-mail may be empty, never null.
 *
 * @param row the row of the author block this author starts or joins (authors with the same row number sit side
 *            by side), or 0 when not given: then the author joins the row of the one before
 */
public record Author(String name, String email, String affiliation, int row) {
    public Author {
        name = Objects.requireNonNullElse(name, "").strip();
        email = Objects.requireNonNullElse(email, "").strip();
        affiliation = Objects.requireNonNullElse(affiliation, "").strip();
        if (row < 0) {
            throw new IllegalArgumentException("row must be 0 (not given) or above, not " + row);
        }
    }

    /** An author without a row of their own. */
    public Author(String name, String email, String affiliation) {
        this(name, email, affiliation, 0);
    }
}
