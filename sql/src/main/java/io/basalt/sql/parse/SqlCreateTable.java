package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCreate;
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
 * {@code CREATE TABLE [IF NOT EXISTS] name (element, ...) [PARTITION BY HASH (col, ...)]}, where an
 * element is a {@link SqlColumnDeclaration} or a table-level {@link SqlKeyConstraint}.
 *
 * <p>The node keeps what the user wrote (constraints on columns stay on the columns) so that
 * {@link #unparse} gives the statement back; {@link #primaryKey()} and {@link #uniqueKeys()} give
 * the normalised view. The parser guarantees at most one primary key.
 *
 * <p>Partitioning is only {@code HASH} for now and {@link #partitionBy()} is its column list. A
 * {@code RANGE} strategy would add an operand naming the strategy, and the grammar's
 * {@code PartitionBy} production is the one place to extend.
 */
public final class SqlCreateTable extends SqlCreate {
    public static final SqlSpecialOperator OPERATOR =
        new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE) {
            @Override
            public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
                    @Nullable SqlNode... operands) {
                return new SqlCreateTable(pos, ((SqlLiteral) operands[0]).booleanValue(),
                    (SqlIdentifier) operands[1], (SqlNodeList) operands[2], (SqlNodeList) operands[3],
                    (SqlNodeList) operands[4], (SqlNodeList) operands[5]);
            }
        };

    private final SqlIdentifier name;
    private final SqlNodeList columns;
    private final SqlNodeList constraints;
    private final @Nullable SqlNodeList partitionBy;
    private final @Nullable SqlNodeList rangeSplits;

    public SqlCreateTable(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name, SqlNodeList columns,
            SqlNodeList constraints, @Nullable SqlNodeList partitionBy) {
        this(pos, ifNotExists, name, columns, constraints, partitionBy, null);
    }

    /**
     * @param rangeSplits for {@code PARTITION BY RANGE}, its split points (each a literal, or a
     *     row of literals for several columns); null for HASH or no partitioning clause
     */
    public SqlCreateTable(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name, SqlNodeList columns,
            SqlNodeList constraints, @Nullable SqlNodeList partitionBy, @Nullable SqlNodeList rangeSplits) {
        super(OPERATOR, pos, false, ifNotExists);
        this.name = name;
        this.columns = columns;
        this.constraints = constraints;
        this.partitionBy = partitionBy;
        this.rangeSplits = rangeSplits;
    }

    public SqlIdentifier name() {
        return name;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    public List<SqlColumnDeclaration> columns() {
        final List<SqlColumnDeclaration> list = new ArrayList<>();
        for (SqlNode column : columns) {
            list.add((SqlColumnDeclaration) column);
        }
        return list;
    }

    /** The key constraints written as table elements, in order; not those written on columns. */
    public List<SqlKeyConstraint> tableConstraints() {
        final List<SqlKeyConstraint> list = new ArrayList<>();
        for (SqlNode constraint : constraints) {
            if (constraint instanceof SqlKeyConstraint key) {
                list.add(key);
            }
        }
        return list;
    }

    /** Every foreign key, column-level ones first, each with its column list. */
    public List<SqlForeignKeyConstraint> foreignKeys() {
        final List<SqlForeignKeyConstraint> list = new ArrayList<>();
        for (SqlColumnDeclaration column : columns()) {
            list.addAll(column.foreignKeys());
        }
        for (SqlNode constraint : constraints) {
            if (constraint instanceof SqlForeignKeyConstraint fk) {
                list.add(fk);
            }
        }
        return list;
    }

    /** Every CHECK constraint, column-level ones first. */
    public List<SqlCheckConstraint> checks() {
        final List<SqlCheckConstraint> list = new ArrayList<>();
        for (SqlColumnDeclaration column : columns()) {
            list.addAll(column.checks());
        }
        for (SqlNode constraint : constraints) {
            if (constraint instanceof SqlCheckConstraint check) {
                list.add(check);
            }
        }
        return list;
    }

    /** The primary key, from whichever form declared it, always with its column list; or null. */
    public @Nullable SqlKeyConstraint primaryKey() {
        for (SqlColumnDeclaration column : columns()) {
            final SqlKeyConstraint key = column.primaryKeyConstraint();
            if (key != null) {
                return key.onColumn(column.name());
            }
        }
        for (SqlKeyConstraint constraint : tableConstraints()) {
            if (constraint.isPrimaryKey()) {
                return constraint;
            }
        }
        return null;
    }

    /** The primary key's column names in key order; empty if the table has no primary key. */
    public List<String> primaryKeyColumns() {
        final SqlKeyConstraint key = primaryKey();
        return key == null ? List.of() : key.columnNames();
    }

    /** Every UNIQUE constraint, column-level ones first, each with its column list. */
    public List<SqlKeyConstraint> uniqueKeys() {
        final List<SqlKeyConstraint> keys = new ArrayList<>();
        for (SqlColumnDeclaration column : columns()) {
            for (SqlKeyConstraint constraint : column.constraints()) {
                if (!constraint.isPrimaryKey()) {
                    keys.add(constraint.onColumn(column.name()));
                }
            }
        }
        for (SqlKeyConstraint constraint : tableConstraints()) {
            if (!constraint.isPrimaryKey()) {
                keys.add(constraint);
            }
        }
        return keys;
    }

    /** The columns of {@code PARTITION BY HASH | RANGE (...)}, or null if the table did not say. */
    public @Nullable SqlNodeList partitionBy() {
        return partitionBy;
    }

    /** The split points of {@code PARTITION BY RANGE (...) (splits)}, or null for hash partitioning. */
    public @Nullable SqlNodeList rangeSplits() {
        return rangeSplits;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(SqlLiteral.createBoolean(ifNotExists, pos), name, columns,
            constraints, partitionBy, rangeSplits);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE TABLE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        final SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode element : columns) {
            writer.sep(",");
            element.unparse(writer, 0, 0);
        }
        for (SqlNode element : constraints) {
            writer.sep(",");
            element.unparse(writer, 0, 0);
        }
        writer.endList(frame);
        if (partitionBy != null) {
            writer.keyword(rangeSplits == null ? "PARTITION BY HASH" : "PARTITION BY RANGE");
            final SqlWriter.Frame columnsFrame = writer.startList("(", ")");
            for (SqlNode column : partitionBy) {
                writer.sep(",");
                column.unparse(writer, 0, 0);
            }
            writer.endList(columnsFrame);
            if (rangeSplits != null) {
                final SqlWriter.Frame splitsFrame = writer.startList("(", ")");
                for (SqlNode split : rangeSplits) {
                    writer.sep(",");
                    split.unparse(writer, 0, 0);
                }
                writer.endList(splitsFrame);
            }
        }
    }
}
