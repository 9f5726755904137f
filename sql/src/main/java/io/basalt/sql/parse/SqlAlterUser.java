package io.basalt.sql.parse;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ALTER USER name [WITH] PASSWORD 'password'} (the password as in {@link SqlCreateUser}). */
public final class SqlAlterUser extends SqlCall {
    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("ALTER USER", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final String password;

    public SqlAlterUser(SqlParserPos pos, SqlIdentifier name, String password) {
        super(pos);
        this.name = name;
        this.password = password;
    }

    public String userName() {
        return name.getSimple();
    }

    public String password() {
        return password;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER USER");
        name.unparse(writer, 0, 0);
        writer.keyword("PASSWORD '***'");
    }
}
