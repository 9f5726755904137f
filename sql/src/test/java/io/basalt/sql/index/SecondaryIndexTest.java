package io.basalt.sql.index;

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

/** Secondary indexes through SQL: DDL, maintenance by DML, the planner's choice, uniqueness. */
class SecondaryIndexTest extends SessionTest {
    @BeforeEach
    void createTables() {
        update(session, "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(20), city VARCHAR(20), age INT)");
        update(session, "INSERT INTO person VALUES (1, 'ann', 'oslo', 30), (2, 'bob', 'rome', 41),"
                + " (3, 'cid', 'oslo', 25), (4, 'dan', NULL, 30), (5, 'eve', 'lima', 52)");
    }

    private String plan(String sql) {
        return rows(session, "EXPLAIN " + sql).toString();
    }

    @Test
    void equalityOnAGlobalIndexReadsOnePartitionThenTheRows() {
        update(session, "CREATE INDEX person_city ON person (city)");

        assertThat(plan("SELECT name FROM person WHERE city = 'oslo'"))
                .contains("index range scan PERSON_CITY (global) [CITY = 'oslo'").contains("partitions=1");
        assertThat(rows(session, "SELECT name FROM person WHERE city = 'oslo' ORDER BY name"))
                .containsExactly(List.of("ann"), List.of("cid"));
        IndexAudit.assertConsistent(db, "PERSON");
    }

    @Test
    void rangesOnAGlobalIndexReadEveryPartition() {
        update(session, "CREATE INDEX person_age ON person (age)");

        assertThat(plan("SELECT name FROM person WHERE age >= 40"))
                .contains("index range scan PERSON_AGE (global) [AGE >= 40], partitions=8");
        assertThat(rows(session, "SELECT name FROM person WHERE age >= 40 ORDER BY name"))
                .containsExactly(List.of("bob"), List.of("eve"));
        assertThat(rows(session, "SELECT name FROM person WHERE age > 25 AND age < 41 ORDER BY name"))
                .containsExactly(List.of("ann"), List.of("dan"));
    }

    @Test
    void theIndexFollowsInsertsUpdatesAndDeletes() {
        update(session, "CREATE INDEX person_city ON person (city)");

        update(session, "INSERT INTO person VALUES (6, 'fay', 'oslo', 19)");
        update(session, "UPDATE person SET city = 'rome' WHERE id = 1");
        update(session, "UPDATE person SET age = age + 1"); // no indexed column changes
        update(session, "DELETE FROM person WHERE id = 3");
        update(session, "UPDATE person SET id = id + 100 WHERE id = 2"); // the row moves: its entry points elsewhere

        assertThat(rows(session, "SELECT id, name FROM person WHERE city = 'oslo'")).containsExactly(List.of(6, "fay"));
        assertThat(rows(session, "SELECT id FROM person WHERE city = 'rome' ORDER BY id"))
                .containsExactly(List.of(1), List.of(102));
        IndexAudit.assertConsistent(db, "PERSON");
    }

    @Test
    void thePrimaryKeyWinsOverAnIndexItDoesNotBeat() {
        update(session, "CREATE INDEX person_city ON person (city)");

        assertThat(plan("SELECT name FROM person WHERE id = 3 AND city = 'oslo'")).contains("point get [ID = 3]")
                .doesNotContain("PERSON_CITY");
    }

    @Test
    void aCompositeIndexServesAPrefixAndARangeOnTheNextColumn() {
        update(session, "CREATE INDEX person_city_age ON person (city, age)");

        assertThat(plan("SELECT name FROM person WHERE city = 'oslo' AND age < 28"))
                .contains("PERSON_CITY_AGE (global) [CITY = 'oslo'").contains("AGE < 28], partitions=8");
        assertThat(rows(session, "SELECT name FROM person WHERE city = 'oslo' AND age < 28"))
                .containsExactly(List.of("cid"));
        assertThat(plan("SELECT name FROM person WHERE city = 'oslo' AND age = 30"))
                .contains("AGE = 30], partitions=1");
    }

    @Test
    void aLocalIndexScattersToEveryPartition() {
        update(session, "CREATE INDEX person_name ON person (name) LOCAL");

        assertThat(plan("SELECT age FROM person WHERE name = 'eve'"))
                .contains("index range scan PERSON_NAME (local) [NAME = 'eve'").contains("partitions=8");
        assertThat(rows(session, "SELECT age FROM person WHERE name = 'eve'")).containsExactly(List.of(52));
        IndexAudit.assertConsistent(db, "PERSON");
    }

    @Test
    void aLocalUniqueIndexMustContainThePartitionKey() {
        assertThat(error("CREATE UNIQUE INDEX person_name ON person (name) LOCAL"))
                .isEqualTo(SqlState.INVALID_TABLE_DEFINITION);
        update(session, "CREATE UNIQUE INDEX person_name_id ON person (name, id) LOCAL");
        assertThat(error("INSERT INTO person VALUES (1, 'ann', NULL, NULL)")).isEqualTo(SqlState.UNIQUE_VIOLATION);
    }

    @Test
    void aUniqueConstraintRejectsDuplicatesOnAnyPartition() {
        update(session, "CREATE TABLE account (id INT PRIMARY KEY, email VARCHAR(40) UNIQUE, nick VARCHAR(10),"
                + " CONSTRAINT nick_once UNIQUE (nick))");
        update(session, "INSERT INTO account VALUES (1, 'a@x', 'a')");

        // Ids 1..50 spread over all eight partitions; the entry of an email lives in one.
        for (int id = 2; id <= 50; id++) {
            int row = id;
            BasaltException e = catchThrowableOfType(BasaltException.class,
                    () -> update(session, "INSERT INTO account VALUES (" + row + ", 'a@x', 'n" + row + "')"));
            assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(e.getMessage()).contains("ACCOUNT_EMAIL_KEY");
        }
        BasaltException named = catchThrowableOfType(BasaltException.class,
                () -> update(session, "INSERT INTO account VALUES (7, 'b@x', 'a')"));
        assertThat(named.getMessage()).contains("NICK_ONCE");
        assertThat(rows(session, "SELECT count(*) FROM account")).containsExactly(List.of(1L));
    }

    @Test
    void uniqueIndexesAllowManyNullsAndSwaps() {
        update(session, "CREATE TABLE account (id INT PRIMARY KEY, email VARCHAR(40) UNIQUE)");
        update(session, "INSERT INTO account VALUES (1, NULL), (2, NULL), (3, 'c'), (4, 'd')");

        update(session, "UPDATE account SET email = CASE email WHEN 'c' THEN 'd' ELSE 'c' END WHERE id IN (3, 4)");
        assertThat(rows(session, "SELECT id FROM account WHERE email = 'c'")).containsExactly(List.of(4));
        assertThat(error("UPDATE account SET email = 'c' WHERE id = 1")).isEqualTo(SqlState.UNIQUE_VIOLATION);
        update(session, "DELETE FROM account WHERE id = 4");
        update(session, "UPDATE account SET email = 'c' WHERE id = 1");
        assertThat(rows(session, "SELECT id FROM account WHERE email = 'c'")).containsExactly(List.of(1));
        IndexAudit.assertConsistent(db, "ACCOUNT");
    }

    @Test
    void aUniqueEqualityIsAPointGet() {
        update(session, "CREATE UNIQUE INDEX person_name ON person (name)");

        assertThat(plan("SELECT id FROM person WHERE name = 'bob'"))
                .contains("index point get PERSON_NAME (global) [NAME = 'bob'").contains("partitions=1");
        assertThat(rows(session, "SELECT id FROM person WHERE name = 'bob'")).containsExactly(List.of(2));
    }

    @Test
    void creatingAUniqueIndexOverDuplicatesFailsAndLeavesNoIndex() {
        BasaltException e = catchThrowableOfType(BasaltException.class,
                () -> update(session, "CREATE UNIQUE INDEX person_age ON person (age)"));

        assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
        assertThat(e.getMessage()).contains("PERSON_AGE").contains("30");
        assertThat(db.engine.catalog().current().table("PERSON").indexes()).isEmpty();
        assertThat(IndexAudit.scanId(db.node.transactions().begin(io.basalt.txn.IsolationLevel.SNAPSHOT),
                maxId() + 1, db.engine.partitionCount())).isEmpty();
        update(session, "INSERT INTO person VALUES (7, 'gus', 'oslo', 30)"); // still writable, no stale index
    }

    private int maxId() {
        return db.engine.catalog().current().table("PERSON").id();
    }

    @Test
    void dropIndexStopsItsUseAndErasesItsEntries() {
        update(session, "CREATE INDEX person_city ON person (city)");
        int indexId = db.engine.catalog().current().table("PERSON").index("PERSON_CITY").id();

        update(session, "DROP INDEX person_city");

        assertThat(plan("SELECT name FROM person WHERE city = 'oslo'")).contains("full scan");
        assertThat(IndexAudit.scanId(db.node.transactions().begin(io.basalt.txn.IsolationLevel.SNAPSHOT),
                indexId, db.engine.partitionCount())).isEmpty();
        assertThat(error("DROP INDEX person_city")).isEqualTo(SqlState.UNDEFINED_OBJECT);
        update(session, "DROP INDEX IF EXISTS person_city");
    }

    @Test
    void indexNamesShareTheTablesNamespace() {
        update(session, "CREATE INDEX person_city ON person (city)");

        assertThat(error("CREATE INDEX person_city ON person (age)")).isEqualTo(SqlState.DUPLICATE_TABLE);
        assertThat(error("CREATE INDEX person ON person (age)")).isEqualTo(SqlState.DUPLICATE_TABLE);
        assertThat(error("CREATE TABLE person_city (id INT PRIMARY KEY)")).isEqualTo(SqlState.DUPLICATE_TABLE);
        update(session, "CREATE INDEX IF NOT EXISTS person_city ON person (age)");
        assertThat(error("CREATE INDEX x ON person (nope)")).isEqualTo(SqlState.UNDEFINED_COLUMN);
        assertThat(error("CREATE INDEX x ON nope (a)")).isEqualTo(SqlState.UNDEFINED_TABLE);
    }

    @Test
    void aGeneratedNameFollowsPostgres() {
        update(session, "CREATE INDEX ON person (city, age)");

        assertThat(db.engine.catalog().current().table("PERSON").index("PERSON_CITY_AGE_IDX")).isNotNull();
    }
}
