package io.sanjiaodi.interview.query.interviews;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.interview.*;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.interview.query.interviews.InterviewView.Conduct;
import io.sanjiaodi.interview.query.interviews.InterviewView.Entrustment;
import io.sanjiaodi.interview.query.interviews.InterviewView.RecordedRefusal;
import io.sanjiaodi.platform.axon.BatchedViews;
import io.sanjiaodi.platform.axon.SequenceGaps;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link InterviewView} up to date. Each change is guarded by the aggregate sequence number,
 * so an event handled twice (after a crash before the token was stored) changes nothing, and an
 * event that arrives past a gap first has the missed ones re-applied from the event store
 * ({@link SequenceGaps}). Every event of the interview moves the sequence on, also those the view
 * shows nothing of, so that a gap is always a miss. A processor's batch reads and writes its views
 * once ({@link BatchedViews}).
 */
@Component
@ProcessingGroup("interviews")
public class InterviewViewProjection {

    private final MongoTemplate mongo;
    private final BatchedViews<InterviewView> views;
    private final SequenceGaps gaps;

    public InterviewViewProjection(MongoTemplate mongo, EventStore events) {
        this.mongo = mongo;
        this.views = new BatchedViews<>(mongo, InterviewView.class, v -> v.interviewId);
        this.gaps = new SequenceGaps(events, "interviews").handledBy(this);
    }

    @EventHandler
    void on(InterviewScheduled e, @SequenceNumber long seq) {
        change(e.interviewId(), seq, v -> {
            identify(v, e.interviewee());
            v.plannedDate = e.plannedDate();
            v.year = e.plannedDate().getYear();
            v.place = e.place();
            v.leadInterviewer = e.leadInterviewer();
            v.status = "SCHEDULED";
        });
    }

    @EventHandler
    void on(InterviewSchedulingRefused e, @SequenceNumber long seq) {
        change(e.interviewId(), seq, v -> {
            identify(v, e.interviewee());
            v.leadInterviewer = e.proposedLeadInterviewer();
            v.status = "REFUSED";
            v.refusal = new RecordedRefusal("SCHEDULE", e.code(), e.reason());
        });
    }

    @EventHandler
    void on(LeadInterviewerEntrusted e, @SequenceNumber long seq) {
        change(e.interviewId(), seq, v -> {
            v.entrustment = new Entrustment(e.secretary(), e.deputy(), e.entrustedOn());
            v.leadInterviewer = e.deputy();
        });
    }

    @EventHandler
    void on(LeadInterviewerRuleViolated e, @SequenceNumber long seq) {
        change(e.interviewId(), seq, v -> v.refusal = new RecordedRefusal(e.attempted(), e.code(), e.reason()));
    }

    @EventHandler
    void on(InterviewRescheduled e, @SequenceNumber long seq) {
        change(e.interviewId(), seq, v -> {
            v.plannedDate = e.plannedDate();
            v.year = e.plannedDate().getYear();
            v.place = e.place();
        });
    }

    @EventHandler
    void on(InterviewCancelled e, @SequenceNumber long seq) {
        change(e.interviewId(), seq, v -> {
            v.status = "CANCELLED";
            v.cancelReason = e.reason();
        });
    }

    @EventHandler
    void on(ResponsibilityItemAdded e, @SequenceNumber long seq) {
        list(
                e.interviewId(),
                seq,
                e.listVersion(),
                v -> InterviewView.upsert(v.responsibilities, e.item(), ResponsibilityItem::itemId));
    }

    @EventHandler
    void on(ResponsibilityItemRevised e, @SequenceNumber long seq) {
        list(
                e.interviewId(),
                seq,
                e.listVersion(),
                v -> InterviewView.upsert(v.responsibilities, e.item(), ResponsibilityItem::itemId));
    }

    @EventHandler
    void on(ProblemItemAdded e, @SequenceNumber long seq) {
        list(
                e.interviewId(),
                seq,
                e.listVersion(),
                v -> InterviewView.upsert(v.problems, e.item(), ProblemItem::itemId));
    }

    @EventHandler
    void on(ProblemItemRevised e, @SequenceNumber long seq) {
        list(
                e.interviewId(),
                seq,
                e.listVersion(),
                v -> InterviewView.upsert(v.problems, e.item(), ProblemItem::itemId));
    }

    @EventHandler
    void on(RiskItemAdded e, @SequenceNumber long seq) {
        list(e.interviewId(), seq, e.listVersion(), v -> InterviewView.upsert(v.risks, e.item(), RiskItem::itemId));
    }

    @EventHandler
    void on(RiskItemRevised e, @SequenceNumber long seq) {
        list(e.interviewId(), seq, e.listVersion(), v -> InterviewView.upsert(v.risks, e.item(), RiskItem::itemId));
    }

    @EventHandler
    void on(ResponsibilityItemRemoved e, @SequenceNumber long seq) {
        list(e.interviewId(), seq, e.listVersion(), v -> v.removeItem(e.itemId()));
    }

    @EventHandler
    void on(ProblemItemRemoved e, @SequenceNumber long seq) {
        list(e.interviewId(), seq, e.listVersion(), v -> v.removeItem(e.itemId()));
    }

    @EventHandler
    void on(RiskItemRemoved e, @SequenceNumber long seq) {
        list(e.interviewId(), seq, e.listVersion(), v -> v.removeItem(e.itemId()));
    }

    /** The frozen lists replace the prepared ones: the view shows exactly what was handed over. */
    @EventHandler
    void on(InterviewConducted e, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        change(e.interviewId(), seq, v -> {
            v.status = "CONDUCTED";
            v.year = e.conductedOn().getYear();
            v.leadInterviewer = e.leadInterviewer();
            v.refusal = null;
            v.listVersion = e.lists().version();
            v.responsibilities = new ArrayList<>(e.lists().responsibilities());
            v.problems = new ArrayList<>(e.lists().problems());
            v.risks = new ArrayList<>(e.lists().risks());
            v.conduct = new Conduct(
                    e.conductedOn(),
                    e.place(),
                    e.handedOverBy(),
                    e.recordSummary(),
                    e.recordSignature(),
                    e.commitmentSignature(),
                    e.listsHash(),
                    e.effectiveListsHashVersion(),
                    eventId);
        });
    }

    /** The view shows no sources, so it only moves its sequence on (the data key is gone elsewhere). */
    @EventHandler
    void on(ConfidentialSourcesErased e, @SequenceNumber long seq) {
        change(e.interviewId(), seq, v -> {});
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(InterviewView.class);
    }

    private static void identify(InterviewView v, Interviewee who) {
        v.interviewee = who;
        v.jurisdictionId = who.jurisdictionId();
        v.unitId = who.unitId();
        v.cadreLevel = who.cadreLevel() == null ? null : who.cadreLevel().name();
    }

    private void list(String interviewId, long seq, int listVersion, Consumer<InterviewView> change) {
        change(interviewId, seq, v -> {
            change.accept(v);
            v.listVersion = listVersion;
        });
    }

    private void change(String interviewId, long seq, Consumer<InterviewView> change) {
        InterviewView view = load(interviewId);
        if (gaps.fill(interviewId, view.lastSequence, seq)) {
            view = load(interviewId);
        }
        if (view.lastSequence >= seq) {
            return;
        }
        change.accept(view);
        view.lastSequence = seq;
        views.save(view);
    }

    private InterviewView load(String interviewId) {
        InterviewView view = views.find(interviewId);
        if (view == null) {
            view = new InterviewView();
            view.interviewId = interviewId;
        }
        return view;
    }
}
