package dev.texreport.core.staff;

import java.util.Optional;

/** How one team's milestone stands on the staff page, worst last; the texts are summary.json's {@code status}. */
public enum StaffStatus {
    PASSED("passed", "ok"),
    OVER_LIMIT_NOT_FAILING("over the limit (not failing)", "over"),
    OVER_LIMIT("over the limit", "OVER"),
    FAILED("failed", "FAILED"),
    /** The team, or this milestone of it, has no summary. */
    MISSING("missing", "missing");

    private final String text;
    private final String word;

    StaffStatus(String text, String word) {
        this.text = text;
        this.word = word;
    }

    /** As summary.json writes it. */
    public String text() {
        return text;
    }

    /** One word for a text table. */
    public String word() {
        return word;
    }

    public boolean overLimit() {
        return this == OVER_LIMIT || this == OVER_LIMIT_NOT_FAILING;
    }

    public boolean failing() {
        return this == OVER_LIMIT || this == FAILED;
    }

    public static Optional<StaffStatus> ofText(String text) {
        for (StaffStatus status : values()) {
            if (status.text.equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
