package io.basalt.common.auth;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.util.Base64;

/**
 * What a server stores for a password: enough to check a SCRAM proof and to sign its answer, not
 * enough to log in (that needs the ClientKey, which only the password gives). Text form, as
 * PostgreSQL stores it, so a verifier made by one can be used by the other:
 *
 * <pre>
 *   SCRAM-SHA-256$&lt;iterations&gt;:&lt;base64 salt&gt;$&lt;base64 StoredKey&gt;:&lt;base64 ServerKey&gt;
 * </pre>
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    private static final String PREFIX = ScramSha256.MECHANISM + "$";
    private static final int SALT_BYTES = 16;

    /** A verifier for {@code password} with a fresh random salt. */
    public static ScramVerifier create(String password) {
        return create(password, ScramSha256.randomBytes(SALT_BYTES), ScramSha256.DEFAULT_ITERATIONS);
    }

    public static ScramVerifier create(String password, byte[] salt, int iterations) {
        byte[] salted = ScramSha256.saltedPassword(password, salt, iterations);
        return new ScramVerifier(iterations, salt.clone(),
                ScramSha256.storedKey(ScramSha256.clientKey(salted)), ScramSha256.serverKey(salted));
    }

    public static boolean looksLikeVerifier(String text) {
        return text.startsWith(PREFIX);
    }

    /** Parses the text form; a malformed one is 22023 (the message never repeats the text: it is a secret). */
    public static ScramVerifier parse(String text) {
        try {
            if (!looksLikeVerifier(text)) {
                throw new IllegalArgumentException();
            }
            String[] parts = text.substring(PREFIX.length()).split("\\$", -1);
            String[] head = parts[0].split(":", -1);
            String[] keys = parts[1].split(":", -1);
            if (parts.length != 2 || head.length != 2 || keys.length != 2) {
                throw new IllegalArgumentException();
            }
            Base64.Decoder base64 = Base64.getDecoder();
            ScramVerifier verifier = new ScramVerifier(Integer.parseInt(head[0]), base64.decode(head[1]),
                    base64.decode(keys[0]), base64.decode(keys[1]));
            if (verifier.iterations < 1 || verifier.salt.length == 0
                    || verifier.storedKey.length != 32 || verifier.serverKey.length != 32) {
                throw new IllegalArgumentException();
            }
            return verifier;
        } catch (RuntimeException e) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE, "malformed " + ScramSha256.MECHANISM
                    + " verifier (expected SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>)");
        }
    }

    public String text() {
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + iterations + ":" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(storedKey) + ":" + base64.encodeToString(serverKey);
    }

    /** Never the keys: a verifier lets an attacker mount an offline guessing attack. */
    @Override
    public String toString() {
        return "ScramVerifier[iterations=" + iterations + "]";
    }
}
