package io.sanjiaodi.rectification.command.rectification;

/**
 * What a command handler returns when it refused the command but recorded the attempt as an event
 * (an exception would roll the event back). The web layer turns it into a problem response.
 */
public record Refusal(String code, int status, String message) {
}
