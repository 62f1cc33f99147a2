package io.sanjiaodi.interview.command.interview;

public enum InterviewStatus {
    /** scheduling was refused by the lead-interviewer rule; nothing more can happen */
    REFUSED,
    SCHEDULED,
    CANCELLED,
    CONDUCTED
}
