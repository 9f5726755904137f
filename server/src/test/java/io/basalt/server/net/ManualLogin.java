package io.basalt.server.net;

import io.basalt.common.auth.ScramSha256;
import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.ServerMessage;
import io.basalt.jdbc.wire.WireProtocol;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * SCRAM-SHA-256 done by hand over a {@link RawClient}, independent of the driver's code: proves the
 * server follows RFC 5802 rather than just agreeing with our own client.
 */
final class ManualLogin {
    private ManualLogin() {
    }

    /** Logs in; returns the server's last answer (Ready, or the Error that refused it). */
    static ServerMessage login(RawClient client, String user, String password, String database) throws Exception {
        client.send(new ClientMessage.Startup(WireProtocol.MAJOR_VERSION, 0, user, database, Map.of()));
        ServerMessage auth = client.receive();
        if (!(auth instanceof ServerMessage.AuthRequest)) {
            return auth;
        }
        String clientNonce = "fixedClientNonceForTests";
        String clientFirstBare = "n=,r=" + clientNonce;
        client.send(new ClientMessage.ScramClientFirst("n,," + clientFirstBare));
        ServerMessage first = client.receive();
        if (!(first instanceof ServerMessage.ScramServerFirst serverFirst)) {
            return first;
        }
        String[] attributes = serverFirst.message().split(",");
        String nonce = attributes[0].substring(2);
        byte[] salt = Base64.getDecoder().decode(attributes[1].substring(2));
        int iterations = Integer.parseInt(attributes[2].substring(2));
        String withoutProof = "c=" + Base64.getEncoder().encodeToString("n,,".getBytes(StandardCharsets.US_ASCII))
                + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst.message() + "," + withoutProof;
        byte[] salted = ScramSha256.saltedPassword(password, salt, iterations);
        byte[] clientKey = ScramSha256.clientKey(salted);
        byte[] proof = ScramSha256.clientProof(clientKey, ScramSha256.storedKey(clientKey), authMessage);
        client.send(new ClientMessage.ScramClientFinal(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)));
        ServerMessage last = client.receive();
        if (!(last instanceof ServerMessage.ScramServerFinal)) {
            return last;
        }
        return client.receive();
    }
}
