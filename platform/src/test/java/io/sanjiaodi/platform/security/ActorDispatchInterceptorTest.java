package io.sanjiaodi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Every command carries an actor: the requesting user, or the service itself for work nobody requested. */
class ActorDispatchInterceptorTest {

    private final ActorDispatchInterceptor interceptor = new ActorDispatchInterceptor("rectification-service");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCommandSentWhileHandlingARequestCarriesTheRequestingUser() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("unit-leader")
                .claim("roles", List.of("UNIT_LEADER"))
                .claim("unit_id", "nb-transport")
                .claim("jurisdiction_id", "ningbo")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        assertThat(dispatched(command(Map.of())).getMetaData())
                .containsEntry(ActorMetaData.ACTOR, "unit-leader")
                .containsEntry(ActorMetaData.ROLE, "UNIT_LEADER")
                .containsEntry(ActorMetaData.UNIT, "nb-transport");
    }

    /** The aggregate's scope check of a supervising body needs its units, which the events do not carry. */
    @Test
    void aCommandOfASupervisingBodyCarriesTheUnitsItSupervises() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("stationed")
                .claim("roles", List.of("SUPERVISING_BODY"))
                .claim("jurisdiction_id", "ningbo")
                .claim("supervised_unit_ids", List.of("nb-transport", "nb-road-transport"))
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        assertThat(dispatched(command(Map.of())).getMetaData())
                .containsEntry(ActorMetaData.SUPERVISED_UNITS, "nb-transport,nb-road-transport");
    }

    @Test
    void aCommandTheServiceSendsByItselfNamesTheService() {
        assertThat(dispatched(command(Map.of())).getMetaData())
                .containsEntry(ActorMetaData.ACTOR, "system:rectification-service")
                .doesNotContainKeys(ActorMetaData.ROLE, ActorMetaData.UNIT, ActorMetaData.JURISDICTION);
    }

    @Test
    void anActorAlreadyOnTheCommandIsKept() {
        assertThat(dispatched(command(Map.of(ActorMetaData.ACTOR, "office"))).getMetaData())
                .containsEntry(ActorMetaData.ACTOR, "office");
    }

    private CommandMessage<?> dispatched(CommandMessage<?> command) {
        return interceptor.handle(List.of(command)).apply(0, command);
    }

    private static CommandMessage<?> command(Map<String, String> metaData) {
        return GenericCommandMessage.asCommandMessage("open the ledger").andMetaData(metaData);
    }
}
