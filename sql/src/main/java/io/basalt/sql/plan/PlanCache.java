package io.basalt.sql.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.parse.BasaltSqlParser;
import io.basalt.sql.parse.SqlAlterUser;
import io.basalt.sql.parse.SqlCreateUser;
import io.basalt.sql.parse.SqlExplainStatement;
import io.basalt.sql.parse.SqlLockingQuery;
import io.basalt.txn.LockStrength;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * Plans by SQL text and catalog version, shared by every session of a database. Planning a new
 * statement costs milliseconds (parse, validate, optimise, generate and compile Java); a cached
 * plan is bound and run in microseconds (see notes/measurements.md). Keying on the catalog version
 * means a plan never outlives the schema it was made for; old entries simply age out.
 *
 * <p>Thread-safe: Caffeine computes each missing entry once, other threads asking for the same
 * key wait for it.
 */
public final class PlanCache {
    /** Enough for the statements of a TPC-C-like application many times over; each plan holds a compiled class. */
    private static final long MAXIMUM_SIZE = 1_000;

    private record Key(String sql, long catalogVersion) {
    }

    private final QueryPlanner planner;
    private final Cache<Key, PlannedStatement> cache = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).recordStats().build();

    public PlanCache(QueryPlanner planner) {
        this.planner = planner;
    }

    public PlannedStatement get(String sql, Catalog catalog) {
        Key key = new Key(sql, catalog.version());
        PlannedStatement planned = cache.get(key, k -> plan(sql, catalog));
        if (carriesPassword(planned)) {
            cache.invalidate(key); // the key is the SQL text, password included: keep no copy of it
        }
        return planned;
    }

    private static boolean carriesPassword(PlannedStatement planned) {
        return planned instanceof PlannedStatement.Utility utility
                && (utility.node() instanceof SqlCreateUser || utility.node() instanceof SqlAlterUser);
    }

    private PlannedStatement plan(String sql, Catalog catalog) {
        SqlNode node = BasaltSqlParser.parse(sql);
        if (node instanceof SqlExplainStatement explain && explain.analyze()) {
            planner.compile(explain.statement(), catalog); // fails now, like EXPLAIN, if the statement is wrong
            return new PlannedStatement.ExplainAnalyze(explain.statement());
        }
        if (node instanceof SqlExplainStatement explain) {
            return new PlannedStatement.Explain(planner.compile(explain.statement(), catalog));
        }
        if (node instanceof SqlExplain explain) {
            return new PlannedStatement.Explain(planner.compile(explain.getExplicandum(), catalog));
        }
        if (node instanceof SqlLockingQuery locking) {
            CompiledStatement query = planner.compile(locking.query(), catalog);
            return new PlannedStatement.Compiled(query.withRowLock(
                    locking.share() ? LockStrength.SHARE : LockStrength.UPDATE, locking.noWait()));
        }
        if (node.getKind().belongsTo(SqlKind.QUERY) || node.getKind().belongsTo(SqlKind.DML)) {
            return new PlannedStatement.Compiled(planner.compile(node, catalog));
        }
        return new PlannedStatement.Utility(node);
    }

    /** Statements served from the cache since the engine started. */
    public long hits() {
        return cache.stats().hitCount();
    }

    /** Statements that had to be planned (parsed, optimised and compiled) since the engine started. */
    public long plansCompiled() {
        return cache.stats().missCount();
    }

    public long size() {
        return cache.estimatedSize();
    }

    /** Finishes pending evictions, so that {@link #size()} is exact (for tests). */
    public void cleanUp() {
        cache.cleanUp();
    }
}
