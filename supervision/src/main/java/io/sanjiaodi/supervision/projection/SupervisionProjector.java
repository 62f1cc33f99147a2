package io.sanjiaodi.supervision.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the supervision models from the events of both topics. Every change is guarded by the
 * aggregate sequence number, so a redelivered or replayed event changes nothing.
 */
@Component
public class SupervisionProjector {

    private final MongoTemplate mongo;
    private final LedgerEvents ledgerEvents = new LedgerEvents();

    public SupervisionProjector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return whether the event changed a model (false for a replay or an event supervisors do not follow) */
    public boolean apply(RecordedEvent e) {
        return switch (e.type()) {
            case "InterviewScheduled", "InterviewRescheduled", "InterviewCancelled", "InterviewConducted" ->
                    interview(e, view -> interviewEvent(view, e));
            default -> e.payload().has("ledgerId") && ledgerEvents.handles(e.type())
                    && ledger(e, ledger -> ledgerEvents.apply(ledger, e));
        };
    }

    public void reset() {
        mongo.dropCollection(InterviewRecord.class);
        mongo.dropCollection(LedgerRecord.class);
    }

    private void interviewEvent(InterviewRecord v, RecordedEvent e) {
        JsonNode who = e.payload().path("interviewee");
        if (!who.isMissingNode()) {
            v.unitId = who.path("unitId").asText(null);
            v.unitName = who.path("unitName").asText(null);
            v.jurisdictionId = who.path("jurisdictionId").asText(null);
            v.cadreLevel = who.path("cadreLevel").asText(null);
        }
        switch (e.type()) {
            case "InterviewScheduled", "InterviewRescheduled" -> {
                v.status = v.status == null ? "SCHEDULED" : v.status;
                v.plannedDate = e.date("plannedDate");
                v.year = v.plannedDate == null ? v.year : v.plannedDate.getYear();
                v.leadInterviewer = e.payload().path("leadInterviewer").path("name").asText(v.leadInterviewer);
            }
            case "InterviewCancelled" -> v.status = "CANCELLED";
            default -> conducted(v, e);
        }
    }

    private static void conducted(InterviewRecord v, RecordedEvent e) {
        v.status = "CONDUCTED";
        v.conductedOn = e.date("conductedOn");
        v.year = v.conductedOn.getYear();
        v.leadInterviewer = e.payload().path("leadInterviewer").path("name").asText(null);
        JsonNode lists = e.payload().path("lists").deepCopy();
        for (JsonNode problem : lists.path("problems")) {
            ((ObjectNode) problem).remove("confidentialSource");
        }
        v.lists = org.bson.Document.parse(lists.toString());
        v.responsibilityCount = lists.path("responsibilities").size();
        v.problemCount = lists.path("problems").size();
        v.riskCount = lists.path("risks").size();
        v.listsHash = e.text("listsHash");
    }

    private boolean interview(RecordedEvent e, Consumer<InterviewRecord> change) {
        InterviewRecord view = mongo.findById(e.aggregateId(), InterviewRecord.class);
        if (view == null) {
            view = new InterviewRecord();
            view.interviewId = e.aggregateId();
        }
        if (view.lastSequence >= e.sequence()) {
            return false;
        }
        change.accept(view);
        view.lastSequence = e.sequence();
        mongo.save(view);
        return true;
    }

    private boolean ledger(RecordedEvent e, Consumer<LedgerRecord> change) {
        LedgerRecord ledger = mongo.findById(e.aggregateId(), LedgerRecord.class);
        if (ledger == null) {
            ledger = new LedgerRecord();
            ledger.ledgerId = e.aggregateId();
            ledger.openedOn = e.time().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (ledger.lastSequence >= e.sequence()) {
            return false;
        }
        change.accept(ledger);
        ledger.lastSequence = e.sequence();
        mongo.save(ledger);
        return true;
    }
}
