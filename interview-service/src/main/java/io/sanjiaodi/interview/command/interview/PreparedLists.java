package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ProblemItemAdded;
import io.sanjiaodi.contracts.interview.ProblemItemRemoved;
import io.sanjiaodi.contracts.interview.ProblemItemRevised;
import io.sanjiaodi.contracts.interview.ResponsibilityItemAdded;
import io.sanjiaodi.contracts.interview.ResponsibilityItemRemoved;
import io.sanjiaodi.contracts.interview.ResponsibilityItemRevised;
import io.sanjiaodi.contracts.interview.RiskItemAdded;
import io.sanjiaodi.contracts.interview.RiskItemRemoved;
import io.sanjiaodi.contracts.interview.RiskItemRevised;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The three lists while they are prepared, an entity of the interview: it follows the list events
 * itself, and every change raises the version. State only; the rules stay with the interview.
 */
final class PreparedLists {

    private final Map<String, ResponsibilityItem> responsibilities = new LinkedHashMap<>();
    private final Map<String, ProblemItem> problems = new LinkedHashMap<>();
    private final Map<String, RiskItem> risks = new LinkedHashMap<>();
    private int version;

    int version() {
        return version;
    }

    int nextVersion() {
        return version + 1;
    }

    boolean containsItem(String itemId) {
        return responsibilities.containsKey(itemId) || problems.containsKey(itemId) || risks.containsKey(itemId);
    }

    /** The items of {@code c} whose ids are on none of the lists yet. */
    InterviewCommands.AddListItems notYetOn(InterviewCommands.AddListItems c) {
        return new InterviewCommands.AddListItems(
                c.interviewId(),
                c.responsibilities().stream()
                        .filter(i -> !containsItem(i.itemId()))
                        .toList(),
                c.problems().stream().filter(i -> !containsItem(i.itemId())).toList(),
                c.risks().stream().filter(i -> !containsItem(i.itemId())).toList());
    }

    int responsibilities() {
        return responsibilities.size();
    }

    int problems() {
        return problems.size();
    }

    int risks() {
        return risks.size();
    }

    boolean hasResponsibility(String itemId) {
        return responsibilities.containsKey(itemId);
    }

    boolean hasProblem(String itemId) {
        return problems.containsKey(itemId);
    }

    boolean hasRisk(String itemId) {
        return risks.containsKey(itemId);
    }

    @EventSourcingHandler
    void on(ResponsibilityItemAdded e) {
        put(responsibilities, e.item().itemId(), e.item(), e.listVersion());
    }

    @EventSourcingHandler
    void on(ResponsibilityItemRevised e) {
        put(responsibilities, e.item().itemId(), e.item(), e.listVersion());
    }

    @EventSourcingHandler
    void on(ProblemItemAdded e) {
        put(problems, e.item().itemId(), e.item(), e.listVersion());
    }

    @EventSourcingHandler
    void on(ProblemItemRevised e) {
        put(problems, e.item().itemId(), e.item(), e.listVersion());
    }

    @EventSourcingHandler
    void on(RiskItemAdded e) {
        put(risks, e.item().itemId(), e.item(), e.listVersion());
    }

    @EventSourcingHandler
    void on(RiskItemRevised e) {
        put(risks, e.item().itemId(), e.item(), e.listVersion());
    }

    @EventSourcingHandler
    void on(ResponsibilityItemRemoved e) {
        remove(e.itemId(), e.listVersion());
    }

    @EventSourcingHandler
    void on(ProblemItemRemoved e) {
        remove(e.itemId(), e.listVersion());
    }

    @EventSourcingHandler
    void on(RiskItemRemoved e) {
        remove(e.itemId(), e.listVersion());
    }

    private <T> void put(Map<String, T> list, String itemId, T item, int newVersion) {
        list.put(itemId, item);
        version = newVersion;
    }

    private void remove(String itemId, int newVersion) {
        responsibilities.remove(itemId);
        problems.remove(itemId);
        risks.remove(itemId);
        version = newVersion;
    }

    FrozenLists freeze() {
        return new FrozenLists(
                version,
                new ArrayList<>(responsibilities.values()),
                new ArrayList<>(problems.values()),
                new ArrayList<>(risks.values()));
    }
}
