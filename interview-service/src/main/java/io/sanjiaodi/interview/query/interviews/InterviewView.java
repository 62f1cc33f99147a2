package io.sanjiaodi.interview.query.interviews;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Read model: one interview with its current (or frozen) lists. Problems keep their sources sealed
 * (commitment and ciphertext), never in clear; the web layer opens them for the entitled readers.
 */
@Document("interviews")
public class InterviewView {

    @Id
    public String interviewId;

    public Interviewee interviewee;
    public String jurisdictionId;
    public String unitId;
    public String cadreLevel;
    public int year;
    public LocalDate plannedDate;
    public String place;
    public PersonRef leadInterviewer;
    public Entrustment entrustment;
    public String status;
    public RecordedRefusal refusal;
    public String cancelReason;
    public int listVersion;
    public List<ResponsibilityItem> responsibilities = new ArrayList<>();
    public List<ProblemItem> problems = new ArrayList<>();
    public List<RiskItem> risks = new ArrayList<>();
    public Conduct conduct;
    public long lastSequence = -1;

    public record Entrustment(PersonRef secretary, PersonRef deputy, LocalDate entrustedOn) {}

    public record RecordedRefusal(String attempted, String code, String reason) {}

    /**
     * How the talk went; {@code eventId} is the id of its {@code InterviewConducted} event, which the
     * audit trail records under the same id (a document's verification code).
     */
    public record Conduct(
            LocalDate conductedOn,
            String place,
            PersonRef handedOverBy,
            String recordSummary,
            Signature recordSignature,
            Signature commitmentSignature,
            String listsHash,
            int listsHashVersion,
            String eventId) {}

    /** Replaces the item with the same id, or appends it. */
    static <T> void upsert(List<T> items, T item, Function<T, String> id) {
        String itemId = id.apply(item);
        for (int i = 0; i < items.size(); i++) {
            if (id.apply(items.get(i)).equals(itemId)) {
                items.set(i, item);
                return;
            }
        }
        items.add(item);
    }

    void removeItem(String itemId) {
        responsibilities.removeIf(r -> r.itemId().equals(itemId));
        problems.removeIf(p -> p.itemId().equals(itemId));
        risks.removeIf(r -> r.itemId().equals(itemId));
    }
}
