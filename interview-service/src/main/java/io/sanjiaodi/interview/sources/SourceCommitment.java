package io.sanjiaodi.interview.sources;

import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.interview.command.interview.ListsHash;

/**
 * The commitment to a confidential source: hex SHA-256 over the length-prefixed fields
 * {@value #TAG}, the 256-bit random salt (base64), the details and the reference — the scheme of
 * {@link ListsHash}. Without the salt, which is kept only inside the ciphertext, a guessed source
 * cannot be tested against it; with the opened source and its salt, anyone entitled can check it.
 */
public final class SourceCommitment {

    static final String TAG = "sanjiaodi-source-commitment/v1";

    private SourceCommitment() {}

    public static String of(String salt, ConfidentialSource source) {
        return ListsHash.sha256Hex(TAG, salt, source.details(), source.reference());
    }
}
