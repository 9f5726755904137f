package io.basalt.server.isolation.history;

import io.basalt.server.isolation.IsolationDatabase;
import io.basalt.server.isolation.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * A list-append workload (Jepsen's Elle) over table {@code lists (k int primary key, v
 * varchar(2000))}: several threads run many short transactions of random reads
 * ({@code SELECT v}) and appends ({@code v = v || ',' || value}, or an INSERT when the key is
 * absent), each at the given level, and record what every transaction did and read.
 *
 * <p>Values are unique per key. A few keys are in use at a time, so that transactions contend;
 * a key that reached {@link #APPENDS_PER_KEY} appends is retired and a fresh one takes its place,
 * which bounds the length of every list however long the run. A transaction the engine aborts
 * (40001, 40P01, or 23505 when two insert the same new key) is recorded as aborted and not
 * retried: the next transaction is a new one with new values.
 */
final class ListAppendWorkload {
    static final int APPENDS_PER_KEY = 100;
    private static final int ACTIVE_KEYS = 4;
    private static final int MAX_OPS = 4;

    private final Level level;
    private final int threads;
    private final int transactions;
    private final Duration limit;
    private final int[] activeKeys = new int[ACTIVE_KEYS];
    private final Map<Integer, Integer> appendsPerKey = new HashMap<>();
    private int nextKey;
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    /** What a run produced: every transaction, and every key's list read after the run. */
    record Result(List<Txn> history, Map<Integer, List<Integer>> finalLists, Map<String, Long> outcomes) {
    }

    ListAppendWorkload(Level level, int threads, int transactions, Duration limit) {
        this.level = level;
        this.threads = threads;
        this.transactions = transactions;
        this.limit = limit;
        for (int i = 0; i < ACTIVE_KEYS; i++) {
            activeKeys[i] = i + 1;
        }
        nextKey = ACTIVE_KEYS + 1;
    }

    Result run(IsolationDatabase database) throws Exception {
        database.execute("CREATE TABLE lists (k INT PRIMARY KEY, v VARCHAR(2000))");
        List<Txn> history = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Txn>>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Connection connection = database.connect(level);
                workers.add(pool.submit(() -> {
                    List<Txn> mine = new ArrayList<>();
                    start.await();
                    for (int id = started.incrementAndGet(); id <= transactions && System.nanoTime() < deadline;
                         id = started.incrementAndGet()) {
                        mine.add(runOne(connection, id));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<Txn>> worker : workers) {
                history.addAll(worker.get(limit.toSeconds() + 30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.sum()));
        return new Result(history, finalLists(database.connect()), counts);
    }

    private Txn runOne(Connection connection, int id) throws SQLException {
        List<Op> planned = plan();
        List<Op> done = new ArrayList<>();
        try {
            for (Op op : planned) {
                done.add(op.isRead() ? Op.read(op.key(), read(connection, op.key())) : append(connection, op));
            }
            connection.commit();
            outcomes.computeIfAbsent("commit", k -> new LongAdder()).increment();
            return new Txn(id, Txn.Status.COMMITTED, done);
        } catch (SQLException e) {
            connection.rollback();
            if (!IsolationDatabase.isRetryable(e) && !"23505".equals(e.getSQLState())) {
                throw e;
            }
            outcomes.computeIfAbsent(e.getSQLState(), k -> new LongAdder()).increment();
            // Every planned append, run or not, must stay invisible.
            return new Txn(id, Txn.Status.ABORTED, planned.stream().filter(op -> !op.isRead()).collect(Collectors.toList()));
        }
    }

    private List<Op> plan() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Op> ops = new ArrayList<>();
        for (int i = random.nextInt(1, MAX_OPS + 1); i > 0; i--) {
            ops.add(random.nextBoolean() ? Op.read(randomKey(), List.of()) : nextAppend());
        }
        return ops;
    }

    private synchronized int randomKey() {
        return activeKeys[ThreadLocalRandom.current().nextInt(ACTIVE_KEYS)];
    }

    private synchronized Op nextAppend() {
        int slot = ThreadLocalRandom.current().nextInt(ACTIVE_KEYS);
        int key = activeKeys[slot];
        int value = appendsPerKey.merge(key, 1, Integer::sum);
        if (value == APPENDS_PER_KEY) {
            activeKeys[slot] = nextKey++;
        }
        return Op.append(key, value);
    }

    private static List<Integer> read(Connection connection, int key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT v FROM lists WHERE k = ?")) {
            select.setInt(1, key);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? parse(result.getString(1)) : List.of();
            }
        }
    }

    private static Op append(Connection connection, Op op) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE lists SET v = v || ',' || CAST(? AS VARCHAR(12)) WHERE k = ?")) {
            update.setString(1, Integer.toString(op.value()));
            update.setInt(2, op.key());
            if (update.executeUpdate() == 1) {
                return op;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lists (k, v) VALUES (?, ?)")) {
            insert.setInt(1, op.key());
            insert.setString(2, Integer.toString(op.value()));
            insert.executeUpdate();
        }
        return op;
    }

    private static Map<Integer, List<Integer>> finalLists(Connection connection) throws SQLException {
        Map<Integer, List<Integer>> lists = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT k, v FROM lists");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                lists.put(result.getInt(1), parse(result.getString(2)));
            }
        }
        return lists;
    }

    private static List<Integer> parse(String list) {
        return Arrays.stream(list.split(",")).map(Integer::valueOf).collect(Collectors.toUnmodifiableList());
    }
}
