package io.sanjiaodi.contracts.rectification;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A file was attached to a task as evidence; the file itself is stored in GridFS under {@code evidenceId}. */
@Revision("1")
public record EvidenceAttached(
        String ledgerId,
        String taskId,
        String unitId,
        String jurisdictionId,
        String evidenceId,
        String fileName,
        String contentType,
        long size,
        String sha256,
        LocalDate attachedOn,
        String actorRole) {}
