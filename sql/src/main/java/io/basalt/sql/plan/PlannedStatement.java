package io.basalt.sql.plan;

import org.apache.calcite.sql.SqlNode;

/**
 * A parsed statement, ready to run: a compiled query or DML statement, an EXPLAIN of one, or a
 * utility statement (DDL, transaction control, SET/SHOW) that the session runs itself.
 */
public sealed interface PlannedStatement {

    /** A query or DML statement compiled against one catalog version. */
    record Compiled(CompiledStatement statement) implements PlannedStatement {
    }

    /** EXPLAIN of a compiled statement: its plan text is the result. */
    record Explain(CompiledStatement statement) implements PlannedStatement {
    }

    /** EXPLAIN ANALYZE: the statement is compiled with probes and run anew each time (see QueryPlanner#compileInstrumented). */
    record ExplainAnalyze(SqlNode statement) implements PlannedStatement {
    }

    /** Anything the session executes directly. */
    record Utility(SqlNode node) implements PlannedStatement {
    }
}
