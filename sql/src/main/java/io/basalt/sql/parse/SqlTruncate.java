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

/** {@code TRUNCATE [TABLE] name [, ...] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]}. */
public final class SqlTruncate extends SqlCall {
    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("TRUNCATE", SqlKind.OTHER_DDL);

    private final SqlNodeList tables;
    private final boolean restartIdentity;
    private final boolean cascade;

    public SqlTruncate(SqlParserPos pos, SqlNodeList tables, boolean restartIdentity, boolean cascade) {
        super(pos);
        this.tables = tables;
        this.restartIdentity = restartIdentity;
        this.cascade = cascade;
    }

    public List<SqlIdentifier> tables() {
        List<SqlIdentifier> list = new ArrayList<>();
        for (SqlNode table : tables) {
            list.add((SqlIdentifier) table);
        }
        return list;
    }

    public boolean restartIdentity() {
        return restartIdentity;
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
        return List.of(tables, SqlLiteral.createBoolean(restartIdentity, pos), SqlLiteral.createBoolean(cascade, pos));
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("TRUNCATE TABLE");
        SqlWriter.Frame frame = writer.startList("", "");
        for (SqlNode table : tables) {
            writer.sep(",");
            table.unparse(writer, 0, 0);
        }
        writer.endList(frame);
        if (restartIdentity) {
            writer.keyword("RESTART IDENTITY");
        }
        if (cascade) {
            writer.keyword("CASCADE");
        }
    }
}
