package io.sanjiaodi.interview.query.units;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.security.Actors;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads the unit registry the commission keeps (the {@code units} collection). */
@Service
public class UnitRegistry {

    private final MongoTemplate mongo;

    public UnitRegistry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<UnitView> lookup(String unitId) {
        return Optional.ofNullable(unitId == null ? null : mongo.findById(unitId, UnitView.class));
    }

    public UnitView find(String unitId) {
        return lookup(unitId)
                .orElseThrow(() -> Refusal.notFound("UNIT_NOT_FOUND", "no unit " + unitId + " in the registry"));
    }

    public List<UnitView> all() {
        return mongo.find(new Query().with(Sort.by("jurisdictionId", "_id")), UnitView.class);
    }

    /**
     * The interviewee of a scheduling as the registry knows the unit: it must be registered (422
     * UNIT_NOT_REGISTERED), lie in the actor's scope by the registry's jurisdiction, not the claimed
     * one (403 OUT_OF_SCOPE), and the claimed jurisdiction and cadre level must be the registry's
     * (422 UNIT_JURISDICTION_MISMATCH, CADRE_LEVEL_MISMATCH). The unit's name is the registry's.
     */
    public Interviewee registered(Interviewee claimed, Actor actor) {
        UnitView unit = lookup(claimed.unitId())
                .orElseThrow(() -> Refusal.unprocessable(
                        "UNIT_NOT_REGISTERED", "unit " + claimed.unitId() + " is not in the unit registry"));
        Actors.requireScope(actor.mayAccessJurisdiction(unit.jurisdictionId()), "unit " + unit.unitId());
        if (!unit.jurisdictionId().equals(claimed.jurisdictionId())) {
            throw Refusal.unprocessable(
                    "UNIT_JURISDICTION_MISMATCH",
                    "unit " + unit.unitId() + " belongs to " + unit.jurisdictionId() + ", not "
                            + claimed.jurisdictionId());
        }
        if (unit.leaderCadreLevel() != claimed.cadreLevel()) {
            throw Refusal.unprocessable(
                    "CADRE_LEVEL_MISMATCH",
                    "the leader of " + unit.unitId() + " is " + unit.leaderCadreLevel() + ", not "
                            + claimed.cadreLevel());
        }
        return new Interviewee(
                claimed.name(),
                claimed.position(),
                unit.unitId(),
                unit.name(),
                unit.jurisdictionId(),
                unit.leaderCadreLevel(),
                claimed.appointmentDate());
    }
}
