package io.sanjiaodi.audit.ingest;

import org.bson.Document;

/** Unit and jurisdiction for history queries, wherever today's payloads carry them. */
final class PayloadFields {

    private PayloadFields() {}

    /** {@code name} at the top level of the payload, else inside {@code interviewee}. */
    static String find(Document payload, String name) {
        if (payload == null) {
            return null;
        }
        Object top = payload.get(name);
        if (top != null) {
            return top.toString();
        }
        return payload.get("interviewee") instanceof Document interviewee && interviewee.get(name) != null
                ? interviewee.get(name).toString()
                : null;
    }
}
