package io.sanjiaodi.platform.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many of a kind one record may hold, so that no list, event or read model grows without
 * bound (a frozen list Kafka cannot take, or a ledger view past MongoDB's 16 MB, stops everyone).
 * Set once in platform's {@code sanjiaodi-common.yml}; no value here, so there is no second default.
 * The aggregates receive this record as an injected resource of their command handlers.
 *
 * @param itemsPerList           items on each of an interview's three lists (LIST_FULL)
 * @param progressReportsPerTask progress reports on one task of a ledger (TOO_MANY_PROGRESS_REPORTS)
 * @param regulationsPerTask     regulations naming one task, or naming none (TOO_MANY_REGULATIONS)
 * @param evidencePerTask        evidence files attached to one task (TOO_MANY_EVIDENCE)
 * @param subTasksPerTask        sub-tasks one task is cascaded into, over all cascades (TOO_MANY_SUB_TASKS)
 */
@ConfigurationProperties(Limits.PREFIX)
public record Limits(
        int itemsPerList,
        int progressReportsPerTask,
        int regulationsPerTask,
        int evidencePerTask,
        int subTasksPerTask) {

    public static final String PREFIX = "sanjiaodi.limits";

    public Limits {
        for (int limit :
                new int[] {itemsPerList, progressReportsPerTask, regulationsPerTask, evidencePerTask, subTasksPerTask
                }) {
            if (limit < 1) {
                // 0 is what a key left out binds to: a forgotten setting must not mean "nothing allowed"
                throw new IllegalArgumentException(PREFIX
                        + ".* must all be set and at least 1 (platform's sanjiaodi-common.yml sets them): " + limit);
            }
        }
    }
}
