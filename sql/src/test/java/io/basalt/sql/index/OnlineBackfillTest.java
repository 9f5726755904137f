package io.basalt.sql.index;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.SqlTestbed;
import io.basalt.sql.session.SqlSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CREATE INDEX on a populated table while other sessions insert, update and delete rows: the
 * index must end up with exactly one entry per row, pointing at it, none lost and none doubled
 * ({@link IndexAudit} reads the entries raw), and the writers must have run during the build.
 */
class OnlineBackfillTest {
    private static final int ROWS = 3000;
    private static final int WRITERS = 3;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CREATE INDEX t_grp ON t (grp)", "CREATE UNIQUE INDEX t_v ON t (v)",
                            "CREATE INDEX t_grp_local ON t (grp) LOCAL"})
    void writesDuringTheBackfillAreNeitherLostNorDoubled(String createIndex) throws Exception {
        try (SqlTestbed db = new SqlTestbed(); SqlSession ddl = db.session()) {
            update(ddl, "CREATE TABLE t (id INT PRIMARY KEY, grp INT, v INT)");
            for (int first = 0; first < ROWS; first += 200) {
                StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
                for (int id = first; id < first + 200; id++) {
                    insert.append(id == first ? "" : ", ").append("(").append(id).append(", ").append(id % 50)
                            .append(", ").append(id).append(")");
                }
                update(ddl, insert.toString());
            }

            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong operations = new AtomicLong();
            AtomicInteger nextId = new AtomicInteger(ROWS);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> write(db, stop, operations, nextId)));
            }
            try {
                while (operations.get() < 50) {
                    Thread.onSpinWait(); // the writers are going before the build starts
                }
                long before = operations.get();
                update(ddl, createIndex);
                long during = operations.get() - before;
                long target = operations.get() + 100;
                while (operations.get() < target) {
                    Thread.onSpinWait(); // and keep going on the public index afterwards
                }
                assertThat(during).as("writes while the index was built").isPositive();
            } finally {
                stop.set(true);
                pool.shutdown();
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            IndexAudit.assertConsistent(db, "T");
            long total = (long) rows(ddl, "SELECT count(*) FROM t").get(0).get(0);
            long perGroup = 0;
            for (int g = 0; g < 60; g++) {
                perGroup += (long) rows(ddl, "SELECT count(*) FROM t WHERE grp = " + g).get(0).get(0);
            }
            assertThat(perGroup).isEqualTo(total);
        }
    }

    /** Random single-statement writes, keeping v unique: new rows take fresh ids, moved v's go negative. */
    private static void write(SqlTestbed db, AtomicBoolean stop, AtomicLong operations, AtomicInteger nextId) {
        try (SqlSession session = db.session()) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (!stop.get()) {
                int id = random.nextInt(nextId.get());
                String sql = switch (random.nextInt(4)) {
                    case 0 -> {
                        int fresh = nextId.getAndIncrement();
                        yield "INSERT INTO t VALUES (" + fresh + ", " + random.nextInt(60) + ", " + fresh + ")";
                    }
                    case 1 -> "UPDATE t SET grp = " + random.nextInt(60) + " WHERE id = " + id;
                    case 2 -> "UPDATE t SET v = -v - 1 WHERE id = " + id; // stays unique: ids are
                    default -> "DELETE FROM t WHERE id = " + id;
                };
                try {
                    update(session, sql);
                    operations.incrementAndGet();
                } catch (BasaltException e) {
                    if (e.sqlState() != SqlState.SERIALIZATION_FAILURE && e.sqlState() != SqlState.DEADLOCK_DETECTED) {
                        throw e;
                    }
                }
            }
        }
    }
}
