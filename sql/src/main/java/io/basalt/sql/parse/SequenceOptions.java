package io.basalt.sql.parse;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The options of CREATE SEQUENCE and of an identity column, each null when not written:
 * {@code START [WITH] n, INCREMENT [BY] n, MINVALUE n | NO MINVALUE, MAXVALUE n | NO MAXVALUE,
 * CACHE n, [NO] CYCLE}. Mutable while the parser fills it in.
 */
public final class SequenceOptions {
    public @Nullable Long start;
    public @Nullable Long increment;
    public @Nullable Long minValue;
    public @Nullable Long maxValue;
    public @Nullable Long cache;
    public @Nullable Boolean cycle;

    /** The options as literals, in a fixed order (NULL where absent), for a node's operand list. */
    List<SqlNode> operands(SqlParserPos pos) {
        List<SqlNode> operands = new ArrayList<>();
        for (Long value : new Long[] {start, increment, minValue, maxValue, cache}) {
            operands.add(value == null ? SqlLiteral.createNull(pos) : SqlLiteral.createExactNumeric(value.toString(), pos));
        }
        operands.add(cycle == null ? SqlLiteral.createNull(pos) : SqlLiteral.createBoolean(cycle, pos));
        return operands;
    }

    void unparse(SqlWriter writer) {
        if (start != null) {
            writer.keyword("START WITH " + start);
        }
        if (increment != null) {
            writer.keyword("INCREMENT BY " + increment);
        }
        if (minValue != null) {
            writer.keyword("MINVALUE " + minValue);
        }
        if (maxValue != null) {
            writer.keyword("MAXVALUE " + maxValue);
        }
        if (cache != null) {
            writer.keyword("CACHE " + cache);
        }
        if (cycle != null) {
            writer.keyword(cycle ? "CYCLE" : "NO CYCLE");
        }
    }
}
