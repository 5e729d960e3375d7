package org.wassist.aws.sqs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** FIFO deduplication ids: the hex SHA-256 of a stable id (64 characters, within SQS's 128). */
final class DedupIds {
    private DedupIds() {}

    static String of(String stableId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(stableId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
