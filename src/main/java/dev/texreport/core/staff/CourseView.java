package dev.texreport.core.staff;

import dev.texreport.core.ConfigurationException;
import dev.texreport.core.course.CourseEvent;
import dev.texreport.core.course.MilestoneSpec;
import dev.texreport.core.course.TemplatePack;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the staff page shows of the course itself: its name, the milestones in order with their deadlines, and the
 * dated events. From the staff's template pack when one is named; otherwise the teams' summaries say it (each
 * carries its milestones' deadlines and the course's events).
 *
 * @param name       the course's name, or null when unknown
 * @param milestones the milestones in the course's order
 * @param events     the dated events, in date order
 * @param zone       the course's time zone, in which dates are shown (null: each date's own offset)
 */
public record CourseView(String name, List<Milestone> milestones, List<Event> events, ZoneId zone) {
    /** A milestone of the course; {@code due} null when there is no deadline. */
    public record Milestone(String id, String title, int pageLimit, OffsetDateTime due) { }

    /** A dated course event without a document (e.g. feedback from staff). */
    public record Event(String title, OffsetDateTime date) { }

    public CourseView {
        milestones = List.copyOf(milestones);
        events = List.copyOf(events);
    }

    public static final CourseView UNKNOWN = new CourseView(null, List.of(), List.of(), null);

    /** The course as the pack describes it. */
    public static CourseView of(TemplatePack pack) throws ConfigurationException {
        List<Milestone> milestones = new ArrayList<>();
        for (MilestoneSpec spec : pack.course().milestones()) {
            milestones.add(new Milestone(spec.id(), spec.title(), spec.pageLimit(),
                    pack.due(spec).map(d -> d.toOffsetDateTime()).orElse(null)));
        }
        List<Event> events = new ArrayList<>();
        for (CourseEvent event : pack.course().events()) {
            events.add(new Event(event.title(), pack.date(event).toOffsetDateTime()));
        }
        events.sort((a, b) -> a.date().compareTo(b.date()));
        return new CourseView(pack.course().name(), milestones, events, pack.zone());
    }

    public Optional<Milestone> milestone(String id) {
        return milestones.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
