package io.sanjiaodi.platform.kafka.deadletter;

import java.time.Instant;

/**
 * What an operator sees of a dead letter: where it came from, why it is parked and how large it is,
 * never its bytes. A parked event can carry what only entitled roles may read (a problem's sealed
 * source, a person's details), and the operators who list dead letters are not those roles; the raw
 * record stays in MongoDB for the retry. Of the error only the exception's type is shown, because a
 * handler's message can quote the payload it failed on (the full message is in the service's log).
 * A letter of the outbox relay (group {@code kafka-publisher}) was never on a topic: it has no
 * partition and offset, and {@code topic} is where it is to go.
 */
public record DeadLetterSummary(
        String id,
        String group,
        String topic,
        Integer partition,
        Long offset,
        String key,
        String eventId,
        String type,
        String reason,
        String error,
        Instant parkedAt,
        int valueBytes) {

    static DeadLetterSummary of(DeadLetter letter) {
        return new DeadLetterSummary(
                letter.id(),
                letter.group(),
                letter.topic(),
                letter.partition(),
                letter.offset(),
                letter.key(),
                letter.eventId(),
                letter.type(),
                letter.reason(),
                errorType(letter.error()),
                letter.parkedAt(),
                letter.value() == null ? 0 : letter.value().length);
    }

    /** {@code DeadLetters} records "Type: message"; the type alone says what broke without quoting data. */
    static String errorType(String error) {
        if (error == null) {
            return null;
        }
        int colon = error.indexOf(':');
        String type = colon < 0 ? error : error.substring(0, colon);
        return type.length() <= 100 && type.chars().allMatch(Character::isJavaIdentifierPart) ? type : "unreadable";
    }
}
