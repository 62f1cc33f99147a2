package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.contracts.rectification.TaskCascaded.SubTask;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.SubTaskSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sub-tasks of one {@link Task}, one per subordinate unit it was cascaded to (分解下达), and
 * whether each is done. Part of what the task remembers: changed only from its events.
 */
final class SubTasks {

    /** sub-task id ({@code <taskId>-<unitId>}) to done */
    private final Map<String, Boolean> done = new LinkedHashMap<>();

    /**
     * The sub-tasks a cascade of {@code taskId} adds: one per unit that has none yet, due on or after
     * the talk and not after the task's own deadline.
     */
    List<SubTask> cascade(String taskId, List<SubTaskSpec> specs, LocalDate conductedOn, LocalDate taskDeadline) {
        if (specs == null || specs.isEmpty()) {
            throw Refusal.unprocessable("SUB_TASKS_REQUIRED", "name at least one subordinate unit");
        }
        List<SubTask> subTasks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SubTaskSpec spec : specs) {
            String subTaskId = taskId + "-" + spec.ownerUnitId();
            if (done.containsKey(subTaskId) || !seen.add(subTaskId)) {
                throw Refusal.conflict(
                        "SUB_TASK_EXISTS", "unit " + spec.ownerUnitId() + " already has a sub-task of " + taskId);
            }
            RectificationRules.requireDeadlineAfterTalk(spec.deadline(), conductedOn);
            if (spec.deadline().isAfter(taskDeadline)) {
                throw Refusal.unprocessable(
                        "SUB_TASK_DEADLINE_AFTER_TASK",
                        "a sub-task's deadline " + spec.deadline() + " cannot be after the task's deadline "
                                + taskDeadline);
            }
            subTasks.add(new SubTask(
                    subTaskId, spec.ownerUnitId(), RectificationRules.orEmpty(spec.ownerUnitName()), spec.deadline()));
        }
        return subTasks;
    }

    /**
     * All cascades of one task together make at most {@code limit} sub-tasks: each is a task of its
     * own for a unit, and the task's events and the ledger view grow with them.
     */
    void requireRoom(String taskId, List<SubTaskSpec> specs, int limit) {
        int adding = specs == null ? 0 : specs.size();
        if (done.size() + adding > limit) {
            throw Refusal.unprocessable(
                    "TOO_MANY_SUB_TASKS",
                    "task " + taskId + " has " + done.size() + " sub-tasks; " + adding
                            + " more would pass the limit of " + limit);
        }
    }

    /** Refused unless {@code subTaskId} is a sub-task of {@code taskId} that is not done yet. */
    void requireOpen(String taskId, String subTaskId) {
        Boolean completed = done.get(subTaskId);
        if (completed == null) {
            throw Refusal.notFound("SUB_TASK_NOT_FOUND", "task " + taskId + " has no sub-task " + subTaskId);
        }
        if (completed) {
            throw Refusal.conflict("SUB_TASK_ALREADY_COMPLETED", "sub-task " + subTaskId + " is done already");
        }
    }

    /** How many are not done; 0 when the task was never cascaded. */
    long open() {
        return done.values().stream().filter(d -> !d).count();
    }

    void added(String subTaskId) {
        done.put(subTaskId, false);
    }

    void completed(String subTaskId) {
        done.put(subTaskId, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubTasks s && done.equals(s.done);
    }

    @Override
    public int hashCode() {
        return done.hashCode();
    }
}
