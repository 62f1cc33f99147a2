package io.sanjiaodi.rectification;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The settings of the rectification ledger ({@code rectification.*}), each default given here and
 * nowhere else: the service's yml sets only what a deployment deliberately changes. The
 * deadline-warning thresholds are not among them: every read model shares {@code sanjiaodi.warnings}
 * (see RectificationConfiguration).
 *
 * @param zone                          the zone in which "today" is reckoned for deadlines
 * @param planDueDays                   the unit's plan is due this many days after the talk
 * @param writtenReportDue              the written report is due this period after the talk (default 3 months)
 * @param writtenReportDueByJurisdiction per-jurisdiction override of {@code writtenReportDue}
 * @param sweeper                       how often the deadline sweeper runs
 * @param evidence                      evidence upload limits
 */
@ConfigurationProperties("rectification")
public record RectificationProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("30") int planDueDays,
        @DefaultValue("P3M") Period writtenReportDue,
        Map<String, Period> writtenReportDueByJurisdiction,
        @DefaultValue Sweeper sweeper,
        @DefaultValue Evidence evidence) {

    public RectificationProperties {
        writtenReportDueByJurisdiction =
                writtenReportDueByJurisdiction == null ? Map.of() : Map.copyOf(writtenReportDueByJurisdiction);
    }

    public Period writtenReportDueIn(String jurisdictionId) {
        return writtenReportDueByJurisdiction.getOrDefault(jurisdictionId, writtenReportDue);
    }

    /**
     * Deadlines are dates, so a sweep every ten minutes is more than precise enough; the first one,
     * half a minute after a start, catches what fell due while no instance ran (the sweep reads
     * state, not timers). The only place these defaults are given; the schedule reads the bound values.
     */
    public record Sweeper(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT10M") Duration interval,
            @DefaultValue("PT30S") Duration initialDelay) {}

    public record Evidence(@DefaultValue("10MB") DataSize maxSize) {}
}
