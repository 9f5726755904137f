package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * A PRIMARY KEY or UNIQUE constraint, {@code [CONSTRAINT name] PRIMARY KEY (a, b)}.
 *
 * <p>Written inside a column declaration it has no column list ({@link #columns()} is null) and
 * applies to that column; {@link SqlCreateTable#primaryKey()} fills the column in, so callers
 * that want "the key" never have to know which form the user wrote.
 */
public final class SqlKeyConstraint extends SqlCall {
    public static final SqlSpecialOperator PRIMARY_KEY = new Operator("PRIMARY KEY", SqlKind.PRIMARY_KEY);
    public static final SqlSpecialOperator UNIQUE = new Operator("UNIQUE", SqlKind.UNIQUE);

    private final SqlOperator operator;
    private final @Nullable SqlIdentifier name;
    private final @Nullable SqlNodeList columns;

    public SqlKeyConstraint(SqlOperator operator, SqlParserPos pos, @Nullable SqlIdentifier name,
            @Nullable SqlNodeList columns) {
        super(pos);
        if (operator != PRIMARY_KEY && operator != UNIQUE) {
            throw new IllegalArgumentException("not a key constraint operator: " + operator);
        }
        this.operator = operator;
        this.name = name;
        this.columns = columns;
    }

    public boolean isPrimaryKey() {
        return operator == PRIMARY_KEY;
    }

    /** The name after CONSTRAINT, or null if the user gave none. */
    public @Nullable SqlIdentifier name() {
        return name;
    }

    /** The key's columns in order, or null for a constraint written on a column. */
    public @Nullable SqlNodeList columns() {
        return columns;
    }

    /** The key's column names in order; empty for a constraint written on a column. */
    public List<String> columnNames() {
        final List<String> names = new ArrayList<>();
        if (columns != null) {
            for (SqlNode column : columns) {
                names.add(((SqlIdentifier) column).getSimple());
            }
        }
        return names;
    }

    /** This column-level constraint as if written at table level on {@code column}. */
    SqlKeyConstraint onColumn(SqlIdentifier column) {
        return new SqlKeyConstraint(operator, pos, name, SqlNodeList.of(column));
    }

    @Override
    public SqlOperator getOperator() {
        return operator;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, columns);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        if (name != null) {
            writer.keyword("CONSTRAINT");
            name.unparse(writer, 0, 0);
        }
        writer.keyword(operator.getName());
        if (columns != null) {
            final SqlWriter.Frame frame = writer.startList("(", ")");
            for (SqlNode column : columns) {
                writer.sep(",");
                column.unparse(writer, 0, 0);
            }
            writer.endList(frame);
        }
    }

    private static final class Operator extends SqlSpecialOperator {
        Operator(String name, SqlKind kind) {
            super(name, kind);
        }

        @Override
        public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
                @Nullable SqlNode... operands) {
            return new SqlKeyConstraint(this, pos, (SqlIdentifier) operands[0], (SqlNodeList) operands[1]);
        }
    }
}
