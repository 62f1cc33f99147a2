package io.sanjiaodi.rectification.query.ledgers;

import io.sanjiaodi.rectification.RectificationProperties.Warnings;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How close an unverified task is to its deadline: yellow, orange, red when overdue. */
public enum WarningLevel {
    NONE, YELLOW, ORANGE, RED;

    static WarningLevel of(LocalDate deadline, boolean verified, boolean markedOverdue, LocalDate today,
                           Warnings thresholds) {
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
