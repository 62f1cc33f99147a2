package io.sanjiaodi.interview.query.interviews;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One change to one of an interview's lists: the history of how the lists were prepared. */
@Document("list_revisions")
public record ListRevision(
        @Id String eventId,
        String interviewId,
        int listVersion,
        String list,
        String change,
        String itemId,
        Object item,
        Instant at) {}
