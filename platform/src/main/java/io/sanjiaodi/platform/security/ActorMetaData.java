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

    private ActorMetaData() {}

    public static Map<String, String> of(Actor actor) {
        Map<String, String> meta = new HashMap<>();
        put(meta, ACTOR, actor.userId());
        put(meta, ROLE, actor.role() == null ? null : actor.role().name());
        put(meta, UNIT, actor.unitId());
        put(meta, JURISDICTION, actor.jurisdictionId());
        return meta;
    }

    private static void put(Map<String, String> meta, String key, String value) {
        if (value != null && !value.isBlank()) {
            meta.put(key, value);
        }
    }
}
