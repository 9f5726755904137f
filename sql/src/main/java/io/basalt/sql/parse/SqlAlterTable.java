package io.basalt.sql.parse;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code ALTER TABLE [IF EXISTS] t} and one action (PostgreSQL's spelling):
 * <ul>
 *   <li>{@code ADD [COLUMN] [IF NOT EXISTS] column-declaration}</li>
 *   <li>{@code DROP [COLUMN] [IF EXISTS] name [CASCADE | RESTRICT]}</li>
 *   <li>{@code ALTER [COLUMN] name SET DEFAULT expr | DROP DEFAULT | SET NOT NULL | DROP NOT NULL}</li>
 *   <li>{@code RENAME [COLUMN] name TO new} and {@code RENAME TO new}</li>
 *   <li>{@code ADD table-constraint} and {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE | RESTRICT]}</li>
 * </ul>
 */
public final class SqlAlterTable extends SqlCall {
    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

    /** What the statement changes; each uses the fields its javadoc names. */
    public enum Action {
        /** {@link #addColumn()}, {@link #ifClause()}. */
        ADD_COLUMN,
        /** {@link #column()}, {@link #ifClause()}, {@link #cascade()}. */
        DROP_COLUMN,
        /** {@link #column()}, {@link #expression()}. */
        SET_DEFAULT,
        /** {@link #column()}. */
        DROP_DEFAULT,
        /** {@link #column()}. */
        SET_NOT_NULL,
        /** {@link #column()}. */
        DROP_NOT_NULL,
        /** {@link #column()}, {@link #newName()}. */
        RENAME_COLUMN,
        /** {@link #newName()}. */
        RENAME_TABLE,
        /** {@link #constraint()}: a SqlKeyConstraint, SqlForeignKeyConstraint or SqlCheckConstraint. */
        ADD_CONSTRAINT,
        /** {@link #column()} is the constraint's name; {@link #ifClause()}, {@link #cascade()}. */
        DROP_CONSTRAINT
    }

    private final boolean ifExists;
    private final SqlIdentifier table;
    private final Action action;
    private final @Nullable SqlColumnDeclaration addColumn;
    private final @Nullable SqlIdentifier column;
    private final @Nullable SqlNode expression;
    private final @Nullable SqlIdentifier newName;
    private final @Nullable SqlCall constraint;
    private final boolean ifClause;
    private final boolean cascade;

    public SqlAlterTable(SqlParserPos pos, boolean ifExists, SqlIdentifier table, Action action,
            @Nullable SqlColumnDeclaration addColumn, @Nullable SqlIdentifier column, @Nullable SqlNode expression,
            @Nullable SqlIdentifier newName, @Nullable SqlCall constraint, boolean ifClause, boolean cascade) {
        super(pos);
        this.ifExists = ifExists;
        this.table = table;
        this.action = action;
        this.addColumn = addColumn;
        this.column = column;
        this.expression = expression;
        this.newName = newName;
        this.constraint = constraint;
        this.ifClause = ifClause;
        this.cascade = cascade;
    }

    public boolean ifExists() {
        return ifExists;
    }

    public SqlIdentifier table() {
        return table;
    }

    public Action action() {
        return action;
    }

    public @Nullable SqlColumnDeclaration addColumn() {
        return addColumn;
    }

    /** The column the action names (or, for DROP CONSTRAINT, the constraint). */
    public @Nullable SqlIdentifier column() {
        return column;
    }

    /** The expression of SET DEFAULT. */
    public @Nullable SqlNode expression() {
        return expression;
    }

    public @Nullable SqlIdentifier newName() {
        return newName;
    }

    public @Nullable SqlCall constraint() {
        return constraint;
    }

    /** ADD ... IF NOT EXISTS, or DROP ... IF EXISTS. */
    public boolean ifClause() {
        return ifClause;
    }

    public boolean cascade() {
        return cascade;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(SqlLiteral.createBoolean(ifExists, pos), table,
            SqlLiteral.createSymbol(action, pos), addColumn, column, expression, newName, constraint,
            SqlLiteral.createBoolean(ifClause, pos), SqlLiteral.createBoolean(cascade, pos));
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER TABLE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        table.unparse(writer, 0, 0);
        switch (action) {
            case ADD_COLUMN -> {
                writer.keyword("ADD COLUMN");
                if (ifClause) {
                    writer.keyword("IF NOT EXISTS");
                }
                addColumn.unparse(writer, 0, 0);
            }
            case DROP_COLUMN, DROP_CONSTRAINT -> {
                writer.keyword(action == Action.DROP_COLUMN ? "DROP COLUMN" : "DROP CONSTRAINT");
                if (ifClause) {
                    writer.keyword("IF EXISTS");
                }
                column.unparse(writer, 0, 0);
                if (cascade) {
                    writer.keyword("CASCADE");
                }
            }
            case SET_DEFAULT, DROP_DEFAULT, SET_NOT_NULL, DROP_NOT_NULL -> {
                writer.keyword("ALTER COLUMN");
                column.unparse(writer, 0, 0);
                switch (action) {
                    case SET_DEFAULT -> {
                        writer.keyword("SET DEFAULT");
                        expression.unparse(writer, 0, 0);
                    }
                    case DROP_DEFAULT -> writer.keyword("DROP DEFAULT");
                    case SET_NOT_NULL -> writer.keyword("SET NOT NULL");
                    default -> writer.keyword("DROP NOT NULL");
                }
            }
            case RENAME_COLUMN -> {
                writer.keyword("RENAME COLUMN");
                column.unparse(writer, 0, 0);
                writer.keyword("TO");
                newName.unparse(writer, 0, 0);
            }
            case RENAME_TABLE -> {
                writer.keyword("RENAME TO");
                newName.unparse(writer, 0, 0);
            }
            case ADD_CONSTRAINT -> {
                writer.keyword("ADD");
                constraint.unparse(writer, 0, 0);
            }
        }
    }
}
