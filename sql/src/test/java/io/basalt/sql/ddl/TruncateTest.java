package io.basalt.sql.ddl;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.SessionTest;
import io.basalt.sql.SqlTestbed;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TRUNCATE: empty tables with their indexes, keep the definitions, respect foreign keys, restart identities. */
class TruncateTest extends SessionTest {
    @BeforeEach
    void createTables() {
        update(session, "CREATE TABLE parent (id SERIAL PRIMARY KEY, code VARCHAR(5) UNIQUE)");
        update(session, "CREATE TABLE child (id INT PRIMARY KEY, p INT REFERENCES parent ON DELETE CASCADE)");
        update(session, "INSERT INTO parent (code) VALUES ('a'), ('b')");
        update(session, "INSERT INTO child VALUES (10, 1), (11, 2)");
    }

    @Test
    void aReferencedTableNeedsItsChildrenOrCascade() {
        BasaltException refused = catchThrowableOfType(BasaltException.class, () -> update(session, "TRUNCATE parent"));
        assertThat(refused.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);

        update(session, "TRUNCATE TABLE parent CASCADE");

        assertThat(rows(session, "SELECT count(*) FROM parent")).containsExactly(List.of(0L));
        assertThat(rows(session, "SELECT count(*) FROM child")).containsExactly(List.of(0L));
    }

    @Test
    void theTablesWorkAsBeforeAfterwards() {
        update(session, "TRUNCATE child, parent");

        // The unique index and the foreign key still hold; the identity goes on where it was.
        update(session, "INSERT INTO parent (code) VALUES ('a')");
        assertThat(rows(session, "SELECT id FROM parent WHERE code = 'a'")).containsExactly(List.of(3));
        assertThat(catchThrowableOfType(BasaltException.class,
                () -> update(session, "INSERT INTO parent (code) VALUES ('a')")).sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
        assertThat(catchThrowableOfType(BasaltException.class,
                () -> update(session, "INSERT INTO child VALUES (1, 1)")).sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
        update(session, "INSERT INTO child VALUES (1, 3)");
        update(session, "DELETE FROM parent WHERE id = 3"); // the cascade finds the child under the new ids
        assertThat(rows(session, "SELECT count(*) FROM child")).containsExactly(List.of(0L));
    }

    @Test
    void restartIdentityStartsTheSequencesAgain() {
        update(session, "TRUNCATE child, parent RESTART IDENTITY");

        update(session, "INSERT INTO parent (code) VALUES ('z')");

        assertThat(rows(session, "SELECT id FROM parent")).containsExactly(List.of(1));
    }
}
