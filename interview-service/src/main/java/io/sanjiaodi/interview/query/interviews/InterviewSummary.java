package io.sanjiaodi.interview.query.interviews;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Read model: one interview as the supervision office lists it. */
@Document("interview_summaries")
public record InterviewSummary(
        @Id String interviewId,
        Interviewee interviewee,
        LocalDate plannedDate,
        String place,
        PersonRef leadInterviewer,
        String status,
        int itemCount,
        LocalDate conductedOn,
        String listsHash,
        long lastSequence) {
}
