package dev.texreport.core.course;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Says how long is left until a deadline, or how late it is, in the course's time zone. Never blocks a build. */
public final class Deadlines {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH);

    private Deadlines() {
    }

    /** {@code due Fri 1 Apr 2022 23:59 EDT: 3 days 4 hours left} or {@code ... : 2 hours 5 minutes late}. */
    public static String describe(ZonedDateTime due, ZonedDateTime now) {
        Duration left = Duration.between(now, due);
        String amount = amount(left.abs());
        return "due " + SHOWN.format(due) + ": " + amount + (left.isNegative() ? " late" : " left");
    }

    /** {@code Proposal feedback from staff: Fri 8 Apr 2022 23:59 EDT, in 2 days 3 hours} (or {@code ... ago}). */
    public static String event(String title, ZonedDateTime date, ZonedDateTime now) {
        Duration until = Duration.between(now, date);
        return title + ": " + SHOWN.format(date) + ", " + (until.isNegative() ? amount(until.abs()) + " ago"
                : "in " + amount(until));
    }

    /** A duration as people say it: {@code 2 days 3 hours}, {@code 3 hours 5 minutes}, {@code 40 minutes}. */
    public static String amount(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + (days == 1 ? " day " : " days ") + hours + (hours == 1 ? " hour" : " hours");
        }
        if (hours > 0) {
            return hours + (hours == 1 ? " hour " : " hours ") + minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
