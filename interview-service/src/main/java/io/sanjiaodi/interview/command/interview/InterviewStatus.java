package io.sanjiaodi.interview.command.interview;

public enum InterviewStatus {
    SCHEDULED,
    CONDUCTED
}
