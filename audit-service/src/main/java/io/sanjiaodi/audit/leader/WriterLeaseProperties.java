package io.sanjiaodi.audit.leader;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param instance an id of this instance that stays the same across its restarts (host and port by
 *                 default): a restarted writer takes its lease back at once instead of waiting
 *                 {@code ttl} for its own dead predecessor; two live instances must not share it
 * @param ttl      how long a standby watches the lease unchanged before it takes over; the writer
 *                 stops writing after half of it without a renewal
 * @param renew    how often the writer renews and a standby looks (well under ttl / 2)
 */
@ConfigurationProperties("audit.writer")
public record WriterLeaseProperties(
        String instance,
        @DefaultValue("6s") Duration ttl,
        @DefaultValue("1s") Duration renew) {

    public WriterLeaseProperties {
        if (renew.compareTo(ttl.dividedBy(3)) > 0) {
            throw new IllegalArgumentException("audit.writer.renew must be at most a third of audit.writer.ttl");
        }
    }
}
