package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The interviewee's written report was filed and registered (登记备案). */
@Revision("1")
public record WrittenReportFiled(
        String ledgerId,
        String interviewId,
        String unitId,
        String jurisdictionId,
        String registrationNumber,
        String title,
        String summary,
        LocalDate dueOn,
        LocalDate filedOn,
        boolean late,
        String actorRole) {}
