package io.sanjiaodi.platform;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service tells the shared plumbing about itself.
 *
 * @param serviceName  CloudEvents {@code source} and Kafka client id prefix
 * @param publishTopic the one topic this service publishes its own events to (none: publishes nothing)
 * @param topics       topics created at start-up, so no producer or consumer ever relies on auto-creation
 * @param partitions   partitions per topic; order is kept per aggregate through the record key
 * @param replicas     replication factor (1 on the single local broker)
 */
@ConfigurationProperties("sanjiaodi")
public record PlatformProperties(
        String serviceName,
        String publishTopic,

        @DefaultValue({"interview.events", "rectification.events", "sanjiaodi.security", "sanjiaodi.statements"})
        List<String> topics,

        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas) {

    public String cloudEventSource() {
        return "/sanjiaodi/" + serviceName;
    }
}
