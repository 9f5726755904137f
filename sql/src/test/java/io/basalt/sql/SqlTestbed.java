package io.basalt.sql;

import io.basalt.cluster.node.LocalNode;
import io.basalt.cluster.node.NodeOptions;
import io.basalt.common.client.RowCursor;
import io.basalt.common.client.StatementResult;
import io.basalt.kv.engine.EngineOptions;
import io.basalt.sql.session.SqlSession;
import io.basalt.txn.TxnConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An in-memory database with the SQL engine on top, for tests of the sql module. */
public final class SqlTestbed implements AutoCloseable {
    public final LocalNode node;
    public final SqlEngine engine;

    public SqlTestbed() {
        node = LocalNode.start(new NodeOptions(EngineOptions.inMemory(), NodeOptions.DEFAULT_PARTITIONS, TxnConfig.DEFAULT));
        engine = new SqlEngine(node.transactions());
    }

    public SqlSession session() {
        return engine.openSession();
    }

    /** Runs a statement and returns its rows, each row as a list rendered with toString (null stays null). */
    public static List<List<Object>> rows(SqlSession session, String sql) {
        StatementResult result = session.execute(sql);
        List<List<Object>> rows = new ArrayList<>();
        try (RowCursor cursor = result.rowCursor()) {
            for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }

    public static long update(SqlSession session, String sql) {
        return session.execute(sql).updateCount();
    }

    @Override
    public void close() {
        node.close();
    }
}
