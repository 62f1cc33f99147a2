package io.sanjiaodi.interview.query.interviews;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One change to one of an interview (a problem's source stored sealed, as the event carries it)'s lists: the history of how the lists were prepared. */
@Document("list_revisions")
public record ListRevision(
        @Id String eventId,
        String interviewId,
        int listVersion,
        String list,
        String change,
        String itemId,
        Object item,
        Instant at) {

    /** The same revision showing {@code shown} as its item (a problem opened or cut for its reader). */
    public ListRevision withItem(Object shown) {
        return new ListRevision(eventId, interviewId, listVersion, list, change, itemId, shown, at);
    }
}
