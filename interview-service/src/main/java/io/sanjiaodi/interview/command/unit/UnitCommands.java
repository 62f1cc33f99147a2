package io.sanjiaodi.interview.command.unit;

import io.sanjiaodi.contracts.common.CadreLevel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the {@link RegisteredUnit} aggregate. */
public final class UnitCommands {

    private UnitCommands() {}

    /** Register a unit unless it is registered already (then it stays as it is: the seed's command). */
    public record RegisterUnit(
            String unitId, String name, String jurisdictionId, CadreLevel leaderCadreLevel, String parentUnitId) {

        @TargetAggregateIdentifier
        public String aggregateId() {
            return RegisteredUnit.aggregateIdOf(unitId);
        }
    }

    /** Set a unit to these values, registering it if it is new (the administrator's PUT). */
    public record ReviseUnit(
            String unitId, String name, String jurisdictionId, CadreLevel leaderCadreLevel, String parentUnitId) {

        @TargetAggregateIdentifier
        public String aggregateId() {
            return RegisteredUnit.aggregateIdOf(unitId);
        }
    }
}
