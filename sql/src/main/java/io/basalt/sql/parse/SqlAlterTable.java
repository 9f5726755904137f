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
 * {@code ALTER TABLE [IF EXISTS] t ADD [COLUMN] [IF NOT EXISTS] column-declaration} or
 * {@code ALTER TABLE [IF EXISTS] t DROP [COLUMN] [IF EXISTS] name [CASCADE | RESTRICT]}.
 */
public final class SqlAlterTable extends SqlCall {
    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

    private final boolean ifExists;
    private final SqlIdentifier table;
    private final @Nullable SqlColumnDeclaration addColumn;
    private final @Nullable SqlIdentifier dropColumn;
    private final boolean columnIfClause;
    private final boolean cascade;

    public SqlAlterTable(SqlParserPos pos, boolean ifExists, SqlIdentifier table, @Nullable SqlColumnDeclaration addColumn,
            @Nullable SqlIdentifier dropColumn, boolean columnIfClause, boolean cascade) {
        super(pos);
        this.ifExists = ifExists;
        this.table = table;
        this.addColumn = addColumn;
        this.dropColumn = dropColumn;
        this.columnIfClause = columnIfClause;
        this.cascade = cascade;
    }

    public boolean ifExists() {
        return ifExists;
    }

    public SqlIdentifier table() {
        return table;
    }

    /** The column ADD declares, or null for DROP. */
    public @Nullable SqlColumnDeclaration addColumn() {
        return addColumn;
    }

    /** The column DROP names, or null for ADD. */
    public @Nullable SqlIdentifier dropColumn() {
        return dropColumn;
    }

    /** ADD ... IF NOT EXISTS, or DROP ... IF EXISTS. */
    public boolean columnIfClause() {
        return columnIfClause;
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
        return ImmutableNullableList.of(SqlLiteral.createBoolean(ifExists, pos), table, addColumn, dropColumn,
            SqlLiteral.createBoolean(columnIfClause, pos), SqlLiteral.createBoolean(cascade, pos));
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER TABLE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        table.unparse(writer, 0, 0);
        if (addColumn != null) {
            writer.keyword("ADD COLUMN");
            if (columnIfClause) {
                writer.keyword("IF NOT EXISTS");
            }
            addColumn.unparse(writer, 0, 0);
        } else if (dropColumn != null) {
            writer.keyword("DROP COLUMN");
            if (columnIfClause) {
                writer.keyword("IF EXISTS");
            }
            dropColumn.unparse(writer, 0, 0);
            if (cascade) {
                writer.keyword("CASCADE");
            }
        }
    }
}
