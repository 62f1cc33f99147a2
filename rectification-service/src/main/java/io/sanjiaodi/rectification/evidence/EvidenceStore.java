package io.sanjiaodi.rectification.evidence;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.RectificationProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * Evidence files in MongoDB GridFS. The GridFS file name is the evidence id (never the uploaded
 * name); the uploaded name, checked by {@link FileNames}, is kept in the metadata and the event.
 */
@Component
public class EvidenceStore {

    private final GridFsTemplate gridFs;
    private final long maxBytes;

    public EvidenceStore(GridFsTemplate gridFs, RectificationProperties settings) {
        this.gridFs = gridFs;
        this.maxBytes = settings.evidence().maxSize().toBytes();
    }

    public record StoredEvidence(String evidenceId, String fileName, String contentType, long size, String sha256) {}

    /** Checks name and size, then stores the file while hashing it. */
    public StoredEvidence store(
            String ledgerId,
            String taskId,
            String uploadedName,
            String contentType,
            long declaredSize,
            InputStream content) {
        String fileName = FileNames.check(uploadedName);
        requireWithinLimit(declaredSize);
        String evidenceId = "ev-" + UUID.randomUUID();
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        MessageDigest sha256 = sha256();
        CountingStream counted = new CountingStream(new DigestInputStream(content, sha256), maxBytes);
        Document metadata = new Document("ledgerId", ledgerId)
                .append("taskId", taskId)
                .append("fileName", fileName)
                .append("contentType", type);
        try {
            gridFs.store(counted, evidenceId, type, metadata);
        } catch (RuntimeException e) {
            delete(evidenceId);
            if (counted.exceeded) {
                requireWithinLimit(counted.count);
            }
            throw e;
        }
        if (counted.exceeded) {
            delete(evidenceId);
            requireWithinLimit(counted.count);
        }
        return new StoredEvidence(
                evidenceId, fileName, type, counted.count, HexFormat.of().formatHex(sha256.digest()));
    }

    public GridFsResource open(String evidenceId) {
        GridFSFile file = gridFs.findOne(byId(evidenceId));
        if (file == null) {
            throw Refusal.notFound("EVIDENCE_NOT_FOUND", "no evidence " + evidenceId);
        }
        return gridFs.getResource(file);
    }

    public void delete(String evidenceId) {
        gridFs.delete(byId(evidenceId));
    }

    private void requireWithinLimit(long size) {
        if (size > maxBytes) {
            throw Refusal.tooLarge(
                    "EVIDENCE_TOO_LARGE", "the file has " + size + " bytes; evidence may have at most " + maxBytes);
        }
    }

    private static Query byId(String evidenceId) {
        return Query.query(Criteria.where("filename").is(evidenceId));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts what was read and stops reading past the limit, whatever size the client declared. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        private final long limit;
        long count;
        boolean exceeded;

        CountingStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                advance(1);
            }
            return exceeded ? -1 : b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return exceeded ? -1 : n;
        }

        private void advance(int n) {
            count += n;
            if (count > limit) {
                exceeded = true;
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
