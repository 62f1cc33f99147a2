package io.sanjiaodi.systemtest.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One API's figures from one check: what was acknowledged against what the stores hold. */
final class Tally {

    final String name;
    int aggregates;
    int acknowledgedEvents;
    int indeterminate;
    int storedEvents;
    int lost;
    int duplicated;
    int missingOnKafka;
    int missingInAudit;
    int readModelProblems;
    final List<String> findings = new ArrayList<>();
    /** fault window → lost / duplicated commands sent in it */
    final Map<Integer, Integer> lostIn = new TreeMap<>();

    final Map<Integer, Integer> duplicatedIn = new TreeMap<>();

    Tally(String name) {
        this.name = name;
    }

    void lost(int window, String finding) {
        lost++;
        lostIn.merge(window, 1, Integer::sum);
        findings.add(finding);
    }

    void duplicated(int window, String finding) {
        duplicated++;
        duplicatedIn.merge(window, 1, Integer::sum);
        findings.add(finding);
    }

    @Override
    public String toString() {
        return name + ": aggregates " + aggregates + ", acknowledged events " + acknowledgedEvents
                + ", indeterminate " + indeterminate + ", stored events " + storedEvents + ", lost " + lost
                + ", duplicated " + duplicated + ", missing on Kafka " + missingOnKafka + ", missing in audit "
                + missingInAudit + ", read model problems " + readModelProblems;
    }
}
