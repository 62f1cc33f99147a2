package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.settings.Limits;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many progress reports, evidence files and regulations each task of one ledger has, against
 * the {@link Limits}: counted per task, so a ledger's events and its read model grow with its tasks
 * and not without bound. Part of what the {@link Rectification} remembers: changed only from its
 * events; the checks refuse (422) before anything is applied.
 */
final class TaskCounts {

    /** regulations of the ledger as a whole count here, so naming no task does not escape the limit */
    private static final String NO_TASK = "";

    private final Map<String, Integer> progress = new HashMap<>();
    private final Map<String, Integer> evidence = new HashMap<>();
    private final Map<String, Integer> regulations = new HashMap<>();

    void requireRoomForProgress(String taskId, Limits limits) {
        requireBelow(
                progress,
                taskId,
                limits.progressReportsPerTask(),
                "TOO_MANY_PROGRESS_REPORTS",
                "progress reports on task " + taskId);
    }

    void requireRoomForEvidence(String taskId, Limits limits) {
        requireBelow(
                evidence, taskId, limits.evidencePerTask(), "TOO_MANY_EVIDENCE", "evidence files on task " + taskId);
    }

    /** Every task the regulation names must have room (or the ledger's own count, when it names none). */
    void requireRoomForRegulation(List<String> taskIds, Limits limits) {
        for (String key : regulationKeys(taskIds)) {
            requireBelow(
                    regulations,
                    key,
                    limits.regulationsPerTask(),
                    "TOO_MANY_REGULATIONS",
                    key.equals(NO_TASK) ? "regulations naming no task" : "regulations naming task " + key);
        }
    }

    void progressReported(String taskId) {
        progress.merge(taskId, 1, Integer::sum);
    }

    void evidenceAttached(String taskId) {
        evidence.merge(taskId, 1, Integer::sum);
    }

    void regulationRecorded(List<String> taskIds) {
        regulationKeys(taskIds).forEach(key -> regulations.merge(key, 1, Integer::sum));
    }

    /** The counts a regulation raises: each task it names (once), or the ledger's own when it names none. */
    private static Set<String> regulationKeys(List<String> taskIds) {
        return taskIds == null || taskIds.isEmpty() ? Set.of(NO_TASK) : new HashSet<>(taskIds);
    }

    private static void requireBelow(Map<String, Integer> counts, String key, int limit, String code, String what) {
        if (counts.getOrDefault(key, 0) >= limit) {
            throw Refusal.unprocessable(code, "the limit of " + limit + " " + what + " is reached");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskCounts t
                && progress.equals(t.progress)
                && evidence.equals(t.evidence)
                && regulations.equals(t.regulations);
    }

    @Override
    public int hashCode() {
        return progress.hashCode();
    }
}
