package io.sanjiaodi.supervision.projection;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.interview.InterviewCancelled;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewRescheduled;
import io.sanjiaodi.contracts.interview.InterviewScheduled;
import java.time.LocalDate;
import org.bson.Document;

/** How the events of {@code interview.events} that supervisors follow change an {@link InterviewRecord}. */
final class InterviewEvents {

    static final EventRoutes<InterviewRecord> ROUTES = new EventRoutes<InterviewRecord>()
            .on(InterviewScheduled.class, InterviewEvents::on)
            .on(InterviewRescheduled.class, InterviewEvents::on)
            .on(InterviewCancelled.class, InterviewEvents::on)
            .on(InterviewConducted.class, InterviewEvents::on);

    private InterviewEvents() {}

    private static void on(InterviewScheduled e, InterviewRecord v, RecordedEvent at) {
        interviewee(v, e.interviewee());
        scheduled(v, e.plannedDate());
        v.leadInterviewer = e.leadInterviewer() != null && e.leadInterviewer().name() != null
                ? e.leadInterviewer().name()
                : v.leadInterviewer;
    }

    private static void on(InterviewRescheduled e, InterviewRecord v, RecordedEvent at) {
        scheduled(v, e.plannedDate());
    }

    private static void on(InterviewCancelled e, InterviewRecord v, RecordedEvent at) {
        v.status = "CANCELLED";
    }

    /** The lists are kept as handed over, but never the problems' confidential sources (the reader drops them). */
    private static void on(InterviewConducted e, InterviewRecord v, RecordedEvent at) {
        interviewee(v, e.interviewee());
        v.status = "CONDUCTED";
        v.conductedOn = e.conductedOn();
        v.year = v.conductedOn.getYear();
        PersonRef lead = e.leadInterviewer();
        v.leadInterviewer = lead == null ? null : lead.name();
        v.lists = Document.parse(EventPayloads.json(e.lists()));
        v.responsibilityCount = e.lists().responsibilities().size();
        v.problemCount = e.lists().problems().size();
        v.riskCount = e.lists().risks().size();
        v.listsHash = e.listsHash();
    }

    /** Only the first schedule sets the status, so a reschedule never undoes a later one. */
    private static void scheduled(InterviewRecord v, LocalDate plannedDate) {
        v.status = v.status == null ? "SCHEDULED" : v.status;
        v.plannedDate = plannedDate;
        v.year = plannedDate == null ? v.year : plannedDate.getYear();
    }

    private static void interviewee(InterviewRecord v, Interviewee who) {
        if (who != null) {
            v.unitId = who.unitId();
            v.unitName = who.unitName();
            v.jurisdictionId = who.jurisdictionId();
            v.cadreLevel = who.cadreLevel() == null ? null : who.cadreLevel().name();
        }
    }
}
