package io.sanjiaodi.platform.consistency;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-your-writes ({@link ConsistencyToken}).
 *
 * @param maxWait    how long a query with a token waits for the read models before it answers 503
 * @param poll       how often it looks at the processors' tokens meanwhile
 * @param notQueried the streaming processors no query reads from (the outbox relay, side effects),
 *                   so a query does not wait for them
 */
@ConfigurationProperties("sanjiaodi.consistency")
public record ConsistencyProperties(
        @DefaultValue("2s") Duration maxWait,
        @DefaultValue("10ms") Duration poll,
        @DefaultValue("kafka-publisher") Set<String> notQueried) {}
