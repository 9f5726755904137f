package io.basalt.server.net;

import io.basalt.common.auth.ScramSha256;
import io.basalt.common.auth.ScramVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The server's half of one SCRAM-SHA-256 exchange (RFC 5802 section 5, RFC 7677), against a stored
 * verifier, or against a fake one for an unknown user so that the exchange looks the same to the
 * client until the final, uniform failure (RFC 5802 section 9 and docs/design/0006). Single use, one
 * thread (the connection's serial executor).
 *
 * <p>Accepted messages: client-first {@code n,,n=<ignored>,r=<nonce>} (gs2 header {@code n} or
 * {@code y}: no channel binding, as there is no TLS yet; the user comes from Startup, as in
 * PostgreSQL); client-final {@code c=<base64 gs2 header>,r=<nonce>,p=<proof>}. Anything else fails.
 */
final class ScramServerExchange {
    private final ScramVerifier verifier;
    private final boolean userKnown;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    /** Why an exchange failed; the client only ever learns 28P01. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String reason) {
            super(reason, null, false, false);
        }
    }

    private ScramServerExchange(ScramVerifier verifier, boolean userKnown) {
        this.verifier = verifier;
        this.userKnown = userKnown;
    }

    static ScramServerExchange forUser(ScramVerifier stored, String user, byte[] serverSecret) {
        if (stored != null) {
            return new ScramServerExchange(stored, true);
        }
        // Stable per user, so two attempts for one unknown name show the same salt, like a real user's.
        byte[] salt = Arrays.copyOf(ScramSha256.hmac(serverSecret, user), 16);
        ScramVerifier fake = new ScramVerifier(ScramSha256.DEFAULT_ITERATIONS, salt,
                ScramSha256.randomBytes(32), ScramSha256.randomBytes(32));
        return new ScramServerExchange(fake, false);
    }

    String serverFirst(String clientFirst) throws Failure {
        if (!(clientFirst.startsWith("n,,") || clientFirst.startsWith("y,,"))) {
            throw new Failure("unsupported gs2 header (channel binding or authzid)");
        }
        gs2Header = clientFirst.substring(0, 3);
        clientFirstBare = clientFirst.substring(3);
        String[] attributes = clientFirstBare.split(",", -1);
        if (attributes.length < 2 || !attributes[0].startsWith("n=") || !attributes[1].startsWith("r=")) {
            throw new Failure("malformed client-first-message");
        }
        String clientNonce = attributes[1].substring(2);
        if (clientNonce.isEmpty() || !printable(clientNonce)) {
            throw new Failure("malformed client nonce");
        }
        nonce = clientNonce + ScramSha256.nonce();
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt())
                + ",i=" + verifier.iterations();
        return serverFirst;
    }

    /** The server-final-message ({@code v=<signature>}) if the proof is right. */
    String serverFinal(String clientFinal) throws Failure {
        if (serverFirst == null) {
            throw new Failure("client-final before client-first");
        }
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new Failure("client-final-message without proof");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        String[] attributes = withoutProof.split(",", -1);
        String expectedBinding = "c=" + Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.US_ASCII));
        if (attributes.length < 2 || !attributes[0].equals(expectedBinding) || !attributes[1].equals("r=" + nonce)) {
            throw new Failure("client-final-message does not match the exchange");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw new Failure("proof is not base64");
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        boolean valid = ScramSha256.verifyProof(proof, verifier.storedKey(), authMessage);
        if (!valid || !userKnown) {
            throw new Failure(userKnown ? "wrong password" : "unknown user");
        }
        byte[] signature = ScramSha256.serverSignature(verifier.serverKey(), authMessage);
        return "v=" + Base64.getEncoder().encodeToString(signature);
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                return false;
            }
        }
        return true;
    }
}
