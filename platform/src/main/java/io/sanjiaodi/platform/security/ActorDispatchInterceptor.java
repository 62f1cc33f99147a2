package io.sanjiaodi.platform.security;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Puts the requesting actor into the metadata of every command sent while handling a request.
 * A command the service sends by itself (a ledger opened from a Kafka event, the deadline sweep)
 * names the service ({@code system:<service>}), so no audit entry is without an actor.
 */
public class ActorDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String SYSTEM_PREFIX = "system:";

    private final Map<String, String> service;

    public ActorDispatchInterceptor(String serviceName) {
        this.service = Map.of(ActorMetaData.ACTOR, SYSTEM_PREFIX + serviceName);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> Actors.current()
                .<CommandMessage<?>>map(actor -> command.andMetaData(ActorMetaData.forCommand(actor)))
                .orElseGet(() -> command.getMetaData().containsKey(ActorMetaData.ACTOR)
                        ? command
                        : command.andMetaData(service));
    }
}
