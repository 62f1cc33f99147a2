package io.sanjiaodi.platform.security;

import java.util.HashMap;
import java.util.Map;

/** The Axon metadata keys that carry the actor from the command onto every event it causes. */
public final class ActorMetaData {

    public static final String ACTOR = "actor";
    public static final String ROLE = "actorRole";
    public static final String UNIT = "actorUnit";
    public static final String JURISDICTION = "actorJurisdiction";
    public static final String[] KEYS = {ACTOR, ROLE, UNIT, JURISDICTION};
    /**
     * On commands only (not in {@link #KEYS}, so not copied onto events): the units a supervising
     * body supervises, comma-separated, which the aggregate's scope check needs ({@link ActorScope}).
     */
    public static final String SUPERVISED_UNITS = "actorSupervisedUnits";

    private ActorMetaData() {}

    public static Map<String, String> of(Actor actor) {
        Map<String, String> meta = new HashMap<>();
        put(meta, ACTOR, actor.userId());
        put(meta, ROLE, actor.role() == null ? null : actor.role().name());
        put(meta, UNIT, actor.unitId());
        put(meta, JURISDICTION, actor.jurisdictionId());
        return meta;
    }

    /** {@link #of} and, for a supervising body, the units it supervises: what a command carries. */
    public static Map<String, String> forCommand(Actor actor) {
        Map<String, String> meta = of(actor);
        put(meta, SUPERVISED_UNITS, String.join(",", actor.supervisedUnitIds()));
        return meta;
    }

    private static void put(Map<String, String> meta, String key, String value) {
        if (value != null && !value.isBlank()) {
            meta.put(key, value);
        }
    }
}
