package io.sanjiaodi.audit.leader;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The Kafka listeners only the writer runs. They join their groups with a fixed
 * {@code group.instance.id} (Kafka's static membership), the same on every instance: the new
 * writer's consumer takes the old writer's partitions at once instead of after its session timeout,
 * and fences the old one off should it still be polling. Fencing works both ways, though: an old
 * writer that has not yet learnt it lost the lease (its store paused) may rejoin and fence the new
 * writer's consumer, which spring-kafka then stops for good. The soak found exactly that — a writer
 * with its listeners stopped and no one consuming — so the writer restarts, every lease round, any
 * listener that stopped without being told to.
 */
final class WritingListeners {

    private final Supplier<List<MessageListenerContainer>> containers;

    WritingListeners(Supplier<List<MessageListenerContainer>> containers) {
        this.containers = containers;
    }

    void start() {
        for (MessageListenerContainer container : containers.get()) {
            Properties consumer = new Properties();
            consumer.putAll(container.getContainerProperties().getKafkaConsumerProperties());
            consumer.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, container.getListenerId());
            container.getContainerProperties().setKafkaConsumerProperties(consumer);
            container.start();
        }
    }

    void stop() {
        containers.get().forEach(MessageListenerContainer::stop);
    }

    /** Restarts each listener not running as it should (stopped by a fatal error); their ids. */
    List<String> restartStopped() {
        List<String> restarted = new ArrayList<>();
        for (MessageListenerContainer container : containers.get()) {
            if (!container.isRunning() || !container.isInExpectedState()) {
                container.stop();
                container.start();
                restarted.add(container.getListenerId());
            }
        }
        return restarted;
    }
}
