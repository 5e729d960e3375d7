package org.wassist.observability;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms for ids that must never appear in logs in clear (phone numbers, JIDs, message ids that embed
 * them). The same id and key always give the same pseudonym, so log lines of one chat can be correlated; without the
 * key the id cannot be recovered or guessed by hashing candidate phone numbers.
 */
public final class Pseudonyms {
    private static final int BYTES = 9;
    private final SecretKeySpec key;

    public Pseudonyms(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("pseudonym key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A key that lives only as long as this process: pseudonyms do not correlate across restarts. */
    public static Pseudonyms ephemeral() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new Pseudonyms(k);
    }

    public String chat(String chatId) {
        return "c_" + hash(chatId);
    }

    public String user(String userId) {
        return "u_" + hash(userId);
    }

    public String message(String messageId) {
        return "m_" + hash(messageId);
    }

    private String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
