package io.basalt.sql.parse;

import java.util.ArrayList;
import java.util.List;
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

/**
 * {@code [CONSTRAINT name] FOREIGN KEY (a, b) REFERENCES parent [(x, y)] [ON DELETE action]
 * [ON UPDATE action]}, or the column form {@code REFERENCES parent [(x)] ...} written on a column
 * (then {@link #columns()} is null until {@link #onColumn} fills it in). Without a parent column
 * list the parent's primary key is meant.
 */
public final class SqlForeignKeyConstraint extends SqlCall {
    public static final SqlSpecialOperator OPERATOR =
        new SqlSpecialOperator("FOREIGN KEY", SqlKind.FOREIGN_KEY) {
            @Override
            public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
                    @Nullable SqlNode... operands) {
                return new SqlForeignKeyConstraint(pos, (SqlIdentifier) operands[0], (SqlNodeList) operands[1],
                    (SqlIdentifier) operands[2], (SqlNodeList) operands[3],
                    ((SqlLiteral) operands[4]).getValueAs(ReferentialAction.class),
                    ((SqlLiteral) operands[5]).getValueAs(ReferentialAction.class));
            }
        };

    private final @Nullable SqlIdentifier name;
    private final @Nullable SqlNodeList columns;
    private final SqlIdentifier parent;
    private final @Nullable SqlNodeList parentColumns;
    private final ReferentialAction onDelete;
    private final ReferentialAction onUpdate;

    public SqlForeignKeyConstraint(SqlParserPos pos, @Nullable SqlIdentifier name, @Nullable SqlNodeList columns,
            SqlIdentifier parent, @Nullable SqlNodeList parentColumns, ReferentialAction onDelete,
            ReferentialAction onUpdate) {
        super(pos);
        this.name = name;
        this.columns = columns;
        this.parent = parent;
        this.parentColumns = parentColumns;
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
    }

    public @Nullable SqlIdentifier name() {
        return name;
    }

    /** The referencing columns' names, in order. */
    public List<String> columnNames() {
        return names(columns);
    }

    public SqlIdentifier parent() {
        return parent;
    }

    /** The referenced columns' names; empty when the statement named none (the parent's primary key). */
    public List<String> parentColumnNames() {
        return names(parentColumns);
    }

    public ReferentialAction onDelete() {
        return onDelete;
    }

    public ReferentialAction onUpdate() {
        return onUpdate;
    }

    /** This column-level constraint as if written at table level on {@code column}. */
    SqlForeignKeyConstraint onColumn(SqlIdentifier column) {
        return new SqlForeignKeyConstraint(pos, name, SqlNodeList.of(column), parent, parentColumns, onDelete, onUpdate);
    }

    private static List<String> names(@Nullable SqlNodeList list) {
        List<String> names = new ArrayList<>();
        if (list != null) {
            for (SqlNode node : list) {
                names.add(((SqlIdentifier) node).getSimple());
            }
        }
        return names;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, columns, parent, parentColumns,
            SqlLiteral.createSymbol(onDelete, pos), SqlLiteral.createSymbol(onUpdate, pos));
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        if (name != null) {
            writer.keyword("CONSTRAINT");
            name.unparse(writer, 0, 0);
        }
        if (columns != null) {
            writer.keyword("FOREIGN KEY");
            unparseList(writer, columns);
        }
        writer.keyword("REFERENCES");
        parent.unparse(writer, 0, 0);
        if (parentColumns != null) {
            unparseList(writer, parentColumns);
        }
        if (onDelete != ReferentialAction.NO_ACTION) {
            writer.keyword("ON DELETE " + onDelete.sql());
        }
        if (onUpdate != ReferentialAction.NO_ACTION) {
            writer.keyword("ON UPDATE " + onUpdate.sql());
        }
    }

    private static void unparseList(SqlWriter writer, SqlNodeList list) {
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode node : list) {
            writer.sep(",");
            node.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
