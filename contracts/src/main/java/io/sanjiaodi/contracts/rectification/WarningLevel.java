package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How close an unverified task is to its deadline (预警): yellow within {@code yellowDays}, orange
 * within {@code orangeDays}, red when overdue. The one rule both the ledgers and supervision apply,
 * so a unit and its supervisor never see different colours for the same task.
 */
public enum WarningLevel {
    NONE,
    YELLOW,
    ORANGE,
    RED;

    /**
     * The thresholds, in days before the deadline; configured once, under {@code sanjiaodi.warnings}.
     *
     * @param yellowDays a task due within this many days shows yellow (黄色预警)
     * @param orangeDays a task due within this many days shows orange (橙色预警)
     */
    public record Thresholds(int yellowDays, int orangeDays) {
        public Thresholds {
            if (orangeDays < 0 || yellowDays < orangeDays) {
                throw new IllegalArgumentException("warning thresholds need 0 <= orange-days <= yellow-days, got "
                        + orangeDays + " and " + yellowDays);
            }
        }
    }

    /**
     * @param markedOverdue the task was marked overdue (TaskBecameOverdue) and not extended since
     */
    public static WarningLevel of(
            LocalDate deadline, boolean verified, boolean markedOverdue, LocalDate today, Thresholds thresholds) {
        if (verified || deadline == null) {
            return NONE;
        }
        if (markedOverdue || today.isAfter(deadline)) {
            return RED;
        }
        long daysLeft = ChronoUnit.DAYS.between(today, deadline);
        if (daysLeft <= thresholds.orangeDays()) {
            return ORANGE;
        }
        return daysLeft <= thresholds.yellowDays() ? YELLOW : NONE;
    }
}
