package io.sanjiaodi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The actor on every event: user, role, unit and jurisdiction (the CloudEvents extensions actor*). */
class ActorMetaDataTest {

    @Test
    void theMetaDataCarriesTheUserTheRoleTheUnitAndTheJurisdiction() {
        Actor actor = new Actor("unit-leader", "张某", Role.UNIT_LEADER, "ningbo", "nb-transport", List.of());
        assertThat(ActorMetaData.of(actor))
                .isEqualTo(Map.of(
                        ActorMetaData.ACTOR, "unit-leader",
                        ActorMetaData.ROLE, "UNIT_LEADER",
                        ActorMetaData.UNIT, "nb-transport",
                        ActorMetaData.JURISDICTION, "ningbo"));
    }

    @Test
    void whatTheTokenDoesNotSayIsLeftOutNotWrittenBlank() {
        Actor actor = new Actor("office", "周静", null, " ", null, List.of());
        assertThat(ActorMetaData.of(actor)).isEqualTo(Map.of(ActorMetaData.ACTOR, "office"));
    }

    @Test
    void theKeysAreTheFourTheAuditTrailReads() {
        assertThat(ActorMetaData.KEYS).containsExactly("actor", "actorRole", "actorUnit", "actorJurisdiction");
    }
}
