package dev.texreport.core.course;

import java.time.ZonedDateTime;

/**
 * A dated course event without a document of its own (e.g. proposal feedback from staff), in the pack's time zone.
 *
 * @param title what happens
 * @param date  when, in the pack's time zone
 */
public record CourseDate(String title, ZonedDateTime date) {
    /** {@code Proposal feedback from staff: Fri 8 Apr 2022 23:59 EDT, in 2 days 3 hours}. */
    public String describe(ZonedDateTime now) {
        return Deadlines.event(title, date, now.withZoneSameInstant(date.getZone()));
    }
}
