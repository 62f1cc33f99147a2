package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** The three lists while they are prepared; every change raises the version. State only, no rules. */
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

    boolean hasResponsibility(String itemId) {
        return responsibilities.containsKey(itemId);
    }

    boolean hasProblem(String itemId) {
        return problems.containsKey(itemId);
    }

    boolean hasRisk(String itemId) {
        return risks.containsKey(itemId);
    }

    void put(ResponsibilityItem item, int newVersion) {
        responsibilities.put(item.itemId(), item);
        version = newVersion;
    }

    void put(ProblemItem item, int newVersion) {
        problems.put(item.itemId(), item);
        version = newVersion;
    }

    void put(RiskItem item, int newVersion) {
        risks.put(item.itemId(), item);
        version = newVersion;
    }

    void remove(String itemId, int newVersion) {
        responsibilities.remove(itemId);
        problems.remove(itemId);
        risks.remove(itemId);
        version = newVersion;
    }

    FrozenLists freeze() {
        return new FrozenLists(version, new ArrayList<>(responsibilities.values()), new ArrayList<>(problems.values()),
                new ArrayList<>(risks.values()));
    }
}
