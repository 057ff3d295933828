package dev.texreport.core;

import java.util.Objects;

/** A team member as printed under the title. Affiliation and e-mail may be empty, never null. */
public record Author(String name, String email, String affiliation) {
    public Author {
        name = Objects.requireNonNullElse(name, "").strip();
        email = Objects.requireNonNullElse(email, "").strip();
        affiliation = Objects.requireNonNullElse(affiliation, "").strip();
    }
}
