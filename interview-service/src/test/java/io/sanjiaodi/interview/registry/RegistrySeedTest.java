package io.sanjiaodi.interview.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.interview.command.unit.UnitCommands.RegisterUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;

/**
 * Two instances starting together seed the registry at once; the one whose creation of a unit
 * loses to the other's sends it again (now the unit exists and the aggregate ignores the seed's
 * command) and goes on starting. Seen in the fault-injection test: the loser's start failed.
 */
class RegistrySeedTest {

    @Test
    void aUnitAnotherInstanceCreatedMeanwhileIsSentAgainAndTheSeedGoesOn() throws Exception {
        List<Object> sent = new ArrayList<>();
        CommandGateway commands = new RecordingGateway(sent);
        PeopleRegistry people = mock(PeopleRegistry.class);
        when(people.lookup(any())).thenReturn(Optional.empty());

        new RegistrySeed(commands, people, new ObjectMapper().findAndRegisterModules()).run(null);

        List<Object> units =
                sent.stream().filter(RegisterUnit.class::isInstance).toList();
        assertThat(units.get(0))
                .as("the first unit, sent again after the lost race")
                .isEqualTo(units.get(1));
        assertThat(units.stream().distinct().count()).isEqualTo(units.size() - 1);
        assertThat(sent).as("the people are seeded after the units").hasSizeGreaterThan(units.size());
    }

    /** A gateway whose first command loses the creation race to another instance. */
    private static final class RecordingGateway implements CommandGateway {
        private final List<Object> sent;

        RecordingGateway(List<Object> sent) {
            this.sent = sent;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R sendAndWait(Object command) {
            sent.add(command);
            if (sent.size() == 1) {
                throw new AggregateStreamCreationException("created by another instance meanwhile");
            }
            return null;
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, java.util.concurrent.TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <C, R> void send(
                C command, org.axonframework.commandhandling.CommandCallback<? super C, ? super R> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.axonframework.common.Registration registerDispatchInterceptor(
                org.axonframework.messaging.MessageDispatchInterceptor<
                                ? super org.axonframework.commandhandling.CommandMessage<?>>
                        dispatchInterceptor) {
            throw new UnsupportedOperationException();
        }
    }
}
