package io.basalt.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.error.BasaltException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramSha256Test {
    // RFC 7677 section 3: user "user", password "pencil".
    private static final String CLIENT_FIRST_BARE = "n=user,r=rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String CLIENT_FINAL_WITHOUT_PROOF = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String AUTH_MESSAGE = CLIENT_FIRST_BARE + "," + SERVER_FIRST + "," + CLIENT_FINAL_WITHOUT_PROOF;
    private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");

    @Test
    void clientProofAndServerSignatureMatchRfc7677() {
        byte[] salted = ScramSha256.saltedPassword("pencil", SALT, 4096);
        byte[] clientKey = ScramSha256.clientKey(salted);
        byte[] proof = ScramSha256.clientProof(clientKey, ScramSha256.storedKey(clientKey), AUTH_MESSAGE);
        assertThat(Base64.getEncoder().encodeToString(proof)).isEqualTo("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        byte[] signature = ScramSha256.serverSignature(ScramSha256.serverKey(salted), AUTH_MESSAGE);
        assertThat(Base64.getEncoder().encodeToString(signature)).isEqualTo("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    void verifierAcceptsTheRightProofOnly() {
        ScramVerifier verifier = ScramVerifier.create("pencil", SALT, 4096);
        byte[] good = Base64.getDecoder().decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(ScramSha256.verifyProof(good, verifier.storedKey(), AUTH_MESSAGE)).isTrue();
        byte[] bad = good.clone();
        bad[0] ^= 1;
        assertThat(ScramSha256.verifyProof(bad, verifier.storedKey(), AUTH_MESSAGE)).isFalse();
        assertThat(ScramSha256.verifyProof(new byte[3], verifier.storedKey(), AUTH_MESSAGE)).isFalse();
        ScramVerifier other = ScramVerifier.create("pencils", SALT, 4096);
        assertThat(ScramSha256.verifyProof(good, other.storedKey(), AUTH_MESSAGE)).isFalse();
    }

    @Test
    void verifierTextRoundTripsAndHidesNothingButIterations() {
        ScramVerifier verifier = ScramVerifier.create("secret");
        ScramVerifier parsed = ScramVerifier.parse(verifier.text());
        assertThat(parsed.iterations()).isEqualTo(4096);
        assertThat(parsed.salt()).isEqualTo(verifier.salt());
        assertThat(parsed.storedKey()).isEqualTo(verifier.storedKey());
        assertThat(parsed.serverKey()).isEqualTo(verifier.serverKey());
        assertThat(verifier.text()).startsWith("SCRAM-SHA-256$4096:").doesNotContain("secret");
        assertThat(verifier.toString()).doesNotContain(Base64.getEncoder().encodeToString(verifier.storedKey()));
    }

    @Test
    void malformedVerifierIs22023() {
        for (String text : new String[] {"plain", "SCRAM-SHA-256$", "SCRAM-SHA-256$x:AA==$AA==:AA==",
                "SCRAM-SHA-256$4096:AA==$AA==:AA==", "SCRAM-SHA-256$4096:AA==$AA==:AA==$more"}) {
            assertThatThrownBy(() -> ScramVerifier.parse(text)).isInstanceOf(BasaltException.class)
                    .hasMessageNotContaining(text.length() > 14 ? text.substring(14) : "\u0000")
                    .satisfies(e -> assertThat(((BasaltException) e).sqlState().code()).isEqualTo("22023"));
        }
    }
}
