package io.sanjiaodi.audit.witness;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Checkpoints with their cosignatures: what a reader gets is the newest checkpoint at least
 * {@code audit.witnesses-required} configured witnesses cosigned, the cosignature lines appended to
 * the log's signed note. Only witnesses configured now count, so removing a witness withdraws its word.
 */
@Component
public class WitnessedCheckpoints {

    /** A checkpoint and the stored cosignatures of its tree size by configured witnesses. */
    public record Witnessed(Checkpoint checkpoint, List<StoredCosignature> cosignatures) {

        /** The log's signed note with every cosignature line after the log's own signature. */
        public String note() {
            StringBuilder note = new StringBuilder(checkpoint.note());
            cosignatures.forEach(c -> note.append(c.line()).append('\n'));
            return note.toString();
        }
    }

    private final MongoTemplate mongo;
    private final CheckpointService checkpoints;
    private final Set<String> witnesses;
    private final int required;

    public WitnessedCheckpoints(MongoTemplate mongo, CheckpointService checkpoints, WitnessProperties properties) {
        this.mongo = mongo;
        this.checkpoints = checkpoints;
        this.witnesses = properties.witnesses().stream()
                .map(WitnessProperties.Witness::name)
                .collect(Collectors.toUnmodifiableSet());
        this.required = properties.witnessesRequired();
    }

    public int required() {
        return required;
    }

    /** Each configured witness's newest cosignature of this tree size, by witness name. */
    public List<StoredCosignature> cosignatures(long treeSize) {
        return newestPerWitness(mongo.find(
                Query.query(Criteria.where("treeSize").is(treeSize)).with(Sort.by("witness")),
                StoredCosignature.class));
    }

    /** Each configured witness's newest cosignature, by tree size (for the list of all checkpoints). */
    public Map<Long, List<StoredCosignature>> allCosignatures() {
        return mongo.find(new Query().with(Sort.by("treeSize", "witness")), StoredCosignature.class).stream()
                .collect(Collectors.groupingBy(StoredCosignature::treeSize, Collectors.toList()))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> newestPerWitness(e.getValue())));
    }

    /** Refreshes are documents of their own: one a witness, its newest time, configured witnesses only. */
    private List<StoredCosignature> newestPerWitness(List<StoredCosignature> all) {
        Map<String, StoredCosignature> newest = new TreeMap<>();
        for (StoredCosignature c : all) {
            if (witnesses.contains(c.witness())) {
                newest.merge(c.witness(), c, (a, b) -> b.time() > a.time() ? b : a);
            }
        }
        return List.copyOf(newest.values());
    }

    /** The newest checkpoint in C2SP form with enough cosignatures; empty while there is none. */
    public Optional<Witnessed> newest() {
        if (required == 0) {
            return checkpoints
                    .latest()
                    .filter(c -> c.note() != null)
                    .map(c -> new Witnessed(c, cosignatures(c.treeSize())));
        }
        Query newestFirst =
                new Query().with(Sort.by(Sort.Direction.DESC, "treeSize").and(Sort.by("witness")));
        try (Stream<StoredCosignature> stream = mongo.stream(newestFirst, StoredCosignature.class)) {
            long size = -1;
            Set<String> group = new HashSet<>();
            for (StoredCosignature c : (Iterable<StoredCosignature>) stream::iterator) {
                if (!witnesses.contains(c.witness())) {
                    continue;
                }
                if (c.treeSize() != size) {
                    size = c.treeSize();
                    group = new HashSet<>();
                }
                group.add(c.witness()); // a witness counts once, however often it refreshed
                if (group.size() == required) {
                    long found = size;
                    List<StoredCosignature> cosigned = cosignatures(found);
                    return checkpoints
                            .bySize(found)
                            .filter(cp -> cp.note() != null)
                            .map(cp -> new Witnessed(cp, cosigned));
                }
            }
        }
        return Optional.empty();
    }
}
