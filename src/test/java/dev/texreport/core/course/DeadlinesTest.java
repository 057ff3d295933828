package dev.texreport.core.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
    private final ZonedDateTime due = ZonedDateTime.parse("2022-04-01T23:59-04:00[America/Toronto]");

    @Test
    void timeLeftIsShownInTheCourseTimeZone() {
        assertEquals("due Fri 1 Apr 2022 23:59 EDT: 3 days 4 hours left",
                Deadlines.describe(due, due.minusDays(3).minusHours(4)));
        assertEquals("due Fri 1 Apr 2022 23:59 EDT: 1 hour 30 minutes left",
                Deadlines.describe(due, due.minusMinutes(90)));
    }

    @Test
    void lateIsSaidPlainly() {
        assertEquals("due Fri 1 Apr 2022 23:59 EDT: 2 minutes late", Deadlines.describe(due, due.plusMinutes(2)));
        assertEquals("due Fri 1 Apr 2022 23:59 EDT: 1 day 0 hours late", Deadlines.describe(due, due.plusDays(1)));
    }

    @Test
    void courseEventsSayWhenTheyAreOrWere() {
        ZonedDateTime feedback = ZonedDateTime.parse("2022-04-08T23:59-04:00[America/Toronto]");
        assertEquals("Proposal feedback from staff: Fri 8 Apr 2022 23:59 EDT, in 7 days 0 hours",
                Deadlines.event("Proposal feedback from staff", feedback, due));
        assertEquals("Proposal feedback from staff: Fri 8 Apr 2022 23:59 EDT, 2 hours 0 minutes ago",
                Deadlines.event("Proposal feedback from staff", feedback, feedback.plusHours(2)));
    }
}
