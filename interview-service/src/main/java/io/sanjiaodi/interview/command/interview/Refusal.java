package io.sanjiaodi.interview.command.interview;

/**
 * What a command handler returns when a rule refused the command but the refusal itself was
 * recorded as an event (so it cannot be an exception, which would roll the event back).
 */
public record Refusal(String code, String message) {
}
