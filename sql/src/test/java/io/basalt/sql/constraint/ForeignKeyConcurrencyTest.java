package io.basalt.sql.constraint;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.SqlTestbed;
import io.basalt.sql.session.SqlSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Children are inserted while their parents are deleted and re-created, from several sessions at
 * once, at each isolation level. Whatever interleaving happens, no child may end up without its
 * parent (the check that a lone session cannot break), and both kinds of transaction must get
 * through often enough for the race to have been run.
 */
class ForeignKeyConcurrencyTest {
    private static final int PARENTS = 6;
    private static final int ROUNDS = 150;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE", "2PL"})
    void noChildOutlivesItsParent(String level) throws Exception {
        try (SqlTestbed db = new SqlTestbed(); SqlSession setup = db.session()) {
            update(setup, "CREATE TABLE parent (id INT PRIMARY KEY)");
            update(setup, "CREATE TABLE child (id INT PRIMARY KEY, p INT REFERENCES parent)");
            for (int p = 0; p < PARENTS; p++) {
                update(setup, "INSERT INTO parent VALUES (" + p + ")");
            }
            AtomicLong childrenCommitted = new AtomicLong();
            AtomicLong parentsDeleted = new AtomicLong();
            Set<String> states = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int worker = w;
                workers.add(pool.submit(() -> insertChildren(db, level, worker, childrenCommitted, states)));
                workers.add(pool.submit(() -> deleteParents(db, level, parentsDeleted, states)));
            }
            pool.shutdown();
            for (Future<?> worker : workers) {
                worker.get();
            }

            assertThat(rows(setup, "SELECT count(*) FROM child c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM parent q WHERE q.id = c.p)")).as("orphans").containsExactly(List.of(0L));
            assertThat(childrenCommitted.get()).as("children committed").isPositive();
            assertThat(parentsDeleted.get()).as("parents deleted").isPositive();
            assertThat(states).as("errors seen").isSubsetOf("23503", "40001", "40P01");
        }
    }

    private static void insertChildren(SqlTestbed db, String level, int worker, AtomicLong committed, Set<String> states) {
        try (SqlSession session = open(db, level)) {
            for (int i = 0; i < ROUNDS; i++) {
                int child = worker * 1_000_000 + i;
                int parent = ThreadLocalRandom.current().nextInt(PARENTS);
                if (run(session, states, "INSERT INTO child VALUES (" + child + ", " + parent + ")")) {
                    committed.incrementAndGet();
                }
            }
        }
    }

    private static void deleteParents(SqlTestbed db, String level, AtomicLong deleted, Set<String> states) {
        try (SqlSession session = open(db, level)) {
            for (int i = 0; i < ROUNDS; i++) {
                int parent = ThreadLocalRandom.current().nextInt(PARENTS);
                if (ThreadLocalRandom.current().nextBoolean()) {
                    // Clear the parent's children first, so that the delete can succeed.
                    if (run(session, states, "DELETE FROM child WHERE p = " + parent,
                            "DELETE FROM parent WHERE id = " + parent)) {
                        deleted.incrementAndGet();
                    }
                } else {
                    run(session, states, "INSERT INTO parent VALUES (" + parent + ")");
                }
            }
        }
    }

    /**
     * Runs the statements in one explicit transaction, pausing between them so that other sessions
     * commit in between (the races under test); false (and rolled back) if any failed.
     */
    private static boolean run(SqlSession session, Set<String> states, String... statements) {
        try {
            update(session, "BEGIN");
            for (int i = 0; i < statements.length; i++) {
                if (i > 0) {
                    pause();
                }
                update(session, statements[i]);
            }
            update(session, "COMMIT");
            return true;
        } catch (BasaltException e) {
            if (e.sqlState() != SqlState.UNIQUE_VIOLATION) {
                states.add(e.sqlState().code());
            }
            if (session.inTransaction()) {
                update(session, "ROLLBACK");
            }
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SqlSession open(SqlTestbed db, String level) {
        SqlSession session = db.session();
        if (level.equals("2PL")) {
            update(session, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
            update(session, "SET serializable = '2pl'");
        } else {
            update(session, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + level);
        }
        return session;
    }
}
