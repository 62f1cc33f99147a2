package io.sanjiaodi.supervision.projection;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An interview as supervisors see it. The lists are kept as handed over, without the problems'
 * confidential sources: those never enter the supervision models.
 */
@Document("sup_interviews")
public class InterviewRecord {
    @Id
    public String interviewId;

    public String unitId;
    public String unitName;
    public String jurisdictionId;
    public String cadreLevel;
    public String status;
    public LocalDate plannedDate;
    public LocalDate conductedOn;
    public int year;
    public String leadInterviewer;
    public int responsibilityCount;
    public int problemCount;
    public int riskCount;
    public org.bson.Document lists;
    public String listsHash;
    public long lastSequence = -1;
}
