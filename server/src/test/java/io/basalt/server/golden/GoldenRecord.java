package io.basalt.server.golden;

import java.util.List;

/**
 * One record of a golden file: what to run and what must come of it. {@code line} is the
 * 1-based line of the record's directive, the one a failure names.
 */
sealed interface GoldenRecord {
    int line();

    /** {@code statement ok}: the SQL must succeed; rows or an update count it returns are ignored. */
    record StatementOk(int line, String sql) implements GoldenRecord {
    }

    /** {@code statement count N}: the SQL must succeed with update count {@code count}. */
    record StatementCount(int line, String sql, long count) implements GoldenRecord {
    }

    /**
     * {@code statement error S} or {@code query error S}: the SQL must fail with SQLState
     * {@code sqlState}, while it runs or while its rows are read.
     */
    record ExpectError(int line, String sql, String sqlState) implements GoldenRecord {
    }

    /**
     * {@code query TYPES [nosort|rowsort]}: the SQL must return rows whose columns have the
     * {@code types} letters and whose canonical text (see {@link ValueText}) is {@code expectedRows}.
     */
    record Query(int line, String sql, String types, SortMode sortMode, List<String> expectedRows)
            implements GoldenRecord {
    }

    /** {@code connection NAME}: later records run on this session, opened on first use. */
    record UseConnection(int line, String name) implements GoldenRecord {
    }

    enum SortMode {
        /** Rows must come in exactly the expected order (the query should have an ORDER BY). */
        NOSORT,
        /** Actual and expected rows are both sorted by their text before they are compared. */
        ROWSORT
    }
}
