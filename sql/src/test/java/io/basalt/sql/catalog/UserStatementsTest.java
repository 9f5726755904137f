package io.basalt.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.auth.ScramSha256;
import io.basalt.common.auth.ScramVerifier;
import io.basalt.common.error.BasaltException;
import io.basalt.sql.SqlTestbed;
import io.basalt.sql.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CREATE / ALTER / DROP USER and the verifiers they store (docs/design/0006-wire-protocol.md, "Users"). */
class UserStatementsTest {
    private final SqlTestbed db = new SqlTestbed();
    private final SqlSession session = db.session();

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void createStoresASaltedVerifierOfThePassword() {
        assertThat(db.engine.users().hasUsers()).isFalse();
        session.execute("CREATE USER alice WITH PASSWORD 'wonder land'");
        ScramVerifier stored = db.engine.users().verifier("ALICE");
        assertThat(stored).isNotNull();
        assertThat(db.engine.users().hasUsers()).isTrue();
        assertThat(stored.text()).doesNotContain("wonder");
        byte[] salted = ScramSha256.saltedPassword("wonder land", stored.salt(), stored.iterations());
        assertThat(ScramSha256.storedKey(ScramSha256.clientKey(salted))).isEqualTo(stored.storedKey());
    }

    @Test
    void namesAreCaseInsensitive() {
        session.execute("CREATE USER \"Bob\" PASSWORD 'x'");
        assertThat(db.engine.users().verifier("bob")).isNotNull();
        assertState(() -> session.execute("CREATE USER bob PASSWORD 'y'"), "42710");
        session.execute("CREATE USER IF NOT EXISTS BOB PASSWORD 'y'");
    }

    @Test
    void alterChangesThePasswordAndDropRemovesTheUser() {
        session.execute("CREATE USER carol PASSWORD 'one'");
        ScramVerifier before = db.engine.users().verifier("carol");
        session.execute("ALTER USER carol WITH PASSWORD 'two'");
        ScramVerifier after = db.engine.users().verifier("carol");
        assertThat(after.storedKey()).isNotEqualTo(before.storedKey());
        session.execute("DROP USER carol");
        assertThat(db.engine.users().verifier("carol")).isNull();
        session.execute("DROP USER IF EXISTS carol");
        assertState(() -> session.execute("DROP USER carol"), "42704");
        assertState(() -> session.execute("ALTER USER carol PASSWORD 'x'"), "42704");
    }

    @Test
    void aVerifierIsStoredAsGiven() {
        String verifier = ScramVerifier.create("pre-hashed").text();
        session.execute("CREATE USER dave PASSWORD '" + verifier + "'");
        assertThat(db.engine.users().verifier("dave").text()).isEqualTo(verifier);
        assertState(() -> session.execute("CREATE USER eve PASSWORD 'SCRAM-SHA-256$broken'"), "22023");
        assertState(() -> session.execute("CREATE USER eve PASSWORD ''"), "22023");
    }

    @Test
    void userStatementsAreRefusedInsideATransactionBlock() {
        session.setAutoCommit(false);
        assertState(() -> session.execute("CREATE USER frank PASSWORD 'x'"), "25001");
    }

    private static void assertState(Runnable call, String sqlState) {
        assertThatThrownBy(call::run).isInstanceOf(BasaltException.class)
                .satisfies(e -> assertThat(((BasaltException) e).sqlState().code()).isEqualTo(sqlState));
    }
}
