package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
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
 * One column of CREATE TABLE: {@code name type [NOT NULL | NULL] [DEFAULT expr]
 * [[CONSTRAINT c] PRIMARY KEY] [[CONSTRAINT c] UNIQUE] [[CONSTRAINT c] REFERENCES ...]
 * [[CONSTRAINT c] CHECK (...)]}, the constraints in any order.
 *
 * <p>The data type is Calcite's {@link SqlDataTypeSpec} without nullability: callers derive the
 * type with {@code dataType().deriveType(validator, nullable())}. An explicit {@code NULL} is
 * not kept; it only lets the parser reject {@code NULL NOT NULL}.
 */
public final class SqlColumnDeclaration extends SqlCall {
    public static final SqlSpecialOperator OPERATOR =
        new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL) {
            @Override
            public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
                    @Nullable SqlNode... operands) {
                return new SqlColumnDeclaration(pos, (SqlIdentifier) operands[0],
                    (SqlDataTypeSpec) operands[1], ((SqlLiteral) operands[2]).booleanValue(),
                    operands[3], (SqlNodeList) operands[4]);
            }
        };

    private final SqlIdentifier name;
    private final SqlDataTypeSpec dataType;
    private final boolean notNull;
    private final @Nullable SqlNode defaultValue;
    private final SqlNodeList constraints;

    public SqlColumnDeclaration(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec dataType,
            boolean notNull, @Nullable SqlNode defaultValue, SqlNodeList constraints) {
        super(pos);
        this.name = name;
        this.dataType = dataType;
        this.notNull = notNull;
        this.defaultValue = defaultValue;
        this.constraints = constraints;
    }

    public SqlIdentifier name() {
        return name;
    }

    public SqlDataTypeSpec dataType() {
        return dataType;
    }

    /** Whether the user wrote NOT NULL. */
    public boolean notNull() {
        return notNull;
    }

    /** Whether the column accepts NULL: not if declared NOT NULL or part of the primary key inline. */
    public boolean nullable() {
        return !notNull && !primaryKey();
    }

    /** The DEFAULT expression, unvalidated, or null. */
    public @Nullable SqlNode defaultValue() {
        return defaultValue;
    }

    /** PRIMARY KEY and UNIQUE constraints written on this column, in order. */
    public List<SqlKeyConstraint> constraints() {
        final List<SqlKeyConstraint> list = new ArrayList<>();
        for (SqlNode constraint : constraints) {
            if (constraint instanceof SqlKeyConstraint key) {
                list.add(key);
            }
        }
        return list;
    }

    /** REFERENCES constraints written on this column, each with the column filled in. */
    public List<SqlForeignKeyConstraint> foreignKeys() {
        final List<SqlForeignKeyConstraint> list = new ArrayList<>();
        for (SqlNode constraint : constraints) {
            if (constraint instanceof SqlForeignKeyConstraint fk) {
                list.add(fk.onColumn(name));
            }
        }
        return list;
    }

    /** The identity clause (GENERATED ... AS IDENTITY, AUTO_INCREMENT), or null; SERIAL types count too (see the type). */
    public @Nullable SqlIdentitySpec identity() {
        for (SqlNode constraint : constraints) {
            if (constraint instanceof SqlIdentitySpec identity) {
                return identity;
            }
        }
        return null;
    }

    /** CHECK constraints written on this column. */
    public List<SqlCheckConstraint> checks() {
        final List<SqlCheckConstraint> list = new ArrayList<>();
        for (SqlNode constraint : constraints) {
            if (constraint instanceof SqlCheckConstraint check) {
                list.add(check);
            }
        }
        return list;
    }

    /** Whether PRIMARY KEY was written on this column. */
    public boolean primaryKey() {
        return primaryKeyConstraint() != null;
    }

    /** Whether UNIQUE was written on this column. */
    public boolean unique() {
        for (SqlKeyConstraint constraint : constraints()) {
            if (!constraint.isPrimaryKey()) {
                return true;
            }
        }
        return false;
    }

    @Nullable SqlKeyConstraint primaryKeyConstraint() {
        for (SqlKeyConstraint constraint : constraints()) {
            if (constraint.isPrimaryKey()) {
                return constraint;
            }
        }
        return null;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, dataType, SqlLiteral.createBoolean(notNull, pos),
            defaultValue, constraints);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        name.unparse(writer, 0, 0);
        dataType.unparse(writer, 0, 0);
        if (notNull) {
            writer.keyword("NOT NULL");
        }
        if (defaultValue != null) {
            writer.keyword("DEFAULT");
            unparseDefault(writer, defaultValue);
        }
        for (SqlNode constraint : constraints) {
            constraint.unparse(writer, 0, 0);
        }
    }

    /**
     * Parenthesizes anything but a literal or identifier: Calcite unparses expressions for
     * expression contexts, and here constraint keywords follow, so the parentheses make the text
     * re-parse the same whatever the expression's operators are.
     */
    private static void unparseDefault(SqlWriter writer, SqlNode expression) {
        if (expression instanceof SqlLiteral || expression instanceof SqlIdentifier) {
            expression.unparse(writer, 0, 0);
            return;
        }
        final SqlWriter.Frame frame = writer.startList("(", ")");
        expression.unparse(writer, 0, 0);
        writer.endList(frame);
    }
}
