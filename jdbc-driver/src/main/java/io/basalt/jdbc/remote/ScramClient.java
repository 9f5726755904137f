package io.basalt.jdbc.remote;

import io.basalt.common.auth.ScramSha256;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The client's half of a SCRAM-SHA-256 exchange (RFC 5802 section 3, RFC 7677): the password stays
 * here; only a nonce and a proof leave. It also checks the server's signature, so a server that does
 * not hold this user's verifier cannot pretend the login worked. Single use.
 */
final class ScramClient {
    private static final String GS2_HEADER = "n,,";

    private final String password;
    private final String clientNonce = ScramSha256.nonce();
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    ScramClient(String password) {
        this.password = password;
    }

    /** The user is in Startup; {@code n=} stays empty, as PostgreSQL's clients do. */
    String clientFirst() {
        clientFirstBare = "n=,r=" + clientNonce;
        return GS2_HEADER + clientFirstBare;
    }

    String clientFinal(String serverFirst) {
        String nonce = null;
        String salt = null;
        String iterations = null;
        for (String attribute : serverFirst.split(",", -1)) {
            if (attribute.startsWith("r=")) {
                nonce = attribute.substring(2);
            } else if (attribute.startsWith("s=")) {
                salt = attribute.substring(2);
            } else if (attribute.startsWith("i=")) {
                iterations = attribute.substring(2);
            }
        }
        if (nonce == null || salt == null || iterations == null || !nonce.startsWith(clientNonce)
                || nonce.length() == clientNonce.length()) {
            throw badServer("malformed server-first-message");
        }
        int count;
        byte[] saltBytes;
        try {
            count = Integer.parseInt(iterations);
            saltBytes = Base64.getDecoder().decode(salt);
        } catch (IllegalArgumentException e) {
            throw badServer("malformed salt or iteration count");
        }
        if (count < ScramSha256.MIN_ITERATIONS || count > ScramSha256.MAX_ITERATIONS) {
            throw badServer("iteration count " + count + " out of bounds");
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII))
                + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] salted = ScramSha256.saltedPassword(password, saltBytes, count);
        byte[] clientKey = ScramSha256.clientKey(salted);
        byte[] proof = ScramSha256.clientProof(clientKey, ScramSha256.storedKey(clientKey), authMessage);
        expectedServerSignature = ScramSha256.serverSignature(ScramSha256.serverKey(salted), authMessage);
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    void verifyServerFinal(String serverFinal) {
        if (!serverFinal.startsWith("v=")) {
            throw badServer("malformed server-final-message");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(serverFinal.substring(2));
        } catch (IllegalArgumentException e) {
            throw badServer("malformed server signature");
        }
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new BasaltException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "the server could not prove it knows the password's verifier: refusing the connection");
        }
    }

    private static BasaltException badServer(String why) {
        return new BasaltException(SqlState.PROTOCOL_VIOLATION, "protocol violation by the server: " + why);
    }
}
