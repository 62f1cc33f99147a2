package io.sanjiaodi.platform.security;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/** Puts the requesting actor into the metadata of every command sent while handling a request. */
public class ActorDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> Actors.current()
                .<CommandMessage<?>>map(actor -> command.andMetaData(ActorMetaData.of(actor)))
                .orElse(command);
    }
}
