package io.sanjiaodi.interview.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.registry.UnitRegistered;
import io.sanjiaodi.contracts.registry.UnitRevised;
import io.sanjiaodi.interview.command.unit.UnitCommands.RegisterUnit;
import io.sanjiaodi.interview.command.unit.UnitCommands.ReviseUnit;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorScope;
import io.sanjiaodi.platform.security.Jurisdictions;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A unit as the commission's registry keeps it: the jurisdiction it belongs to and who manages its
 * leader's post. Scheduling and scope are checked against this record, so a request can no longer
 * place a city unit in a district by saying so. Every change is an event on the record.
 */
@Aggregate(cache = "aggregateCache")
public class RegisteredUnit {

    /**
     * A unit's stream in the event store: the registry's ids are chosen by people, and every
     * aggregate of this service shares one store (and one aggregate cache), so a a unit id that
     * equals another record's id would load that record's events. The prefix gives each kind its own
     * namespace; the published events still name the unitId itself.
     */
    @AggregateIdentifier
    private String aggregateId;

    private String unitId;

    private String name;
    private String jurisdictionId;
    private CadreLevel leaderCadreLevel;
    private String parentUnitId;

    static String aggregateIdOf(String unitId) {
        return "unit:" + unitId;
    }

    protected RegisteredUnit() {
        // for Axon
    }

    /** The editor must have the unit's jurisdiction in scope, before and after the change. */
    @CommandHandlerInterceptor
    Object actorInScope(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object payload = command.getPayload();
        String to = payload instanceof ReviseUnit r
                ? r.jurisdictionId()
                : payload instanceof RegisterUnit r ? r.jurisdictionId() : null;
        ActorScope.requireUnit(command.getMetaData(), null, to, "a unit of " + to);
        if (jurisdictionId != null) {
            ActorScope.requireUnit(command.getMetaData(), null, jurisdictionId, "unit " + unitId);
        }
        return chain.proceed();
    }

    /** Seeding: a unit registered already is left as the administrator left it. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RegisterUnit c) {
        if (unitId != null) {
            return false;
        }
        requireValid(c.unitId(), c.name(), c.jurisdictionId(), c.leaderCadreLevel(), c.parentUnitId());
        apply(new UnitRegistered(c.unitId(), c.name(), c.jurisdictionId(), c.leaderCadreLevel(), c.parentUnitId()));
        return true;
    }

    /** Registers a new unit, or records what changed; an unchanged unit records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReviseUnit c) {
        requireValid(c.unitId(), c.name(), c.jurisdictionId(), c.leaderCadreLevel(), c.parentUnitId());
        if (unitId == null) {
            apply(new UnitRegistered(c.unitId(), c.name(), c.jurisdictionId(), c.leaderCadreLevel(), c.parentUnitId()));
        } else if (!c.name().equals(name)
                || !c.jurisdictionId().equals(jurisdictionId)
                || c.leaderCadreLevel() != leaderCadreLevel
                || !Objects.equals(c.parentUnitId(), parentUnitId)) {
            apply(new UnitRevised(c.unitId(), c.name(), c.jurisdictionId(), c.leaderCadreLevel(), c.parentUnitId()));
        }
    }

    private static void requireValid(String id, String name, String jurisdiction, CadreLevel level, String parent) {
        if (name == null || name.isBlank()) {
            throw Refusal.unprocessable("UNIT_NAME_REQUIRED", "a unit needs its name");
        }
        // the tree's root: every known jurisdiction lies within it
        if (!Jurisdictions.within(jurisdiction, "ningbo")) {
            throw Refusal.unprocessable("UNKNOWN_JURISDICTION", "no jurisdiction " + jurisdiction);
        }
        if (level == null) {
            throw Refusal.unprocessable("CADRE_LEVEL_REQUIRED", "who manages the leader's post decides the lead");
        }
        if (id.equals(parent)) {
            throw Refusal.unprocessable("UNIT_PARENT_ITSELF", "a unit cannot be subordinate to itself");
        }
    }

    @EventSourcingHandler
    void on(UnitRegistered e) {
        aggregateId = aggregateIdOf(e.unitId());
        unitId = e.unitId();
        set(e.name(), e.jurisdictionId(), e.leaderCadreLevel(), e.parentUnitId());
    }

    @EventSourcingHandler
    void on(UnitRevised e) {
        set(e.name(), e.jurisdictionId(), e.leaderCadreLevel(), e.parentUnitId());
    }

    private void set(String name, String jurisdictionId, CadreLevel level, String parentUnitId) {
        this.name = name;
        this.jurisdictionId = jurisdictionId;
        this.leaderCadreLevel = level;
        this.parentUnitId = parentUnitId;
    }
}
