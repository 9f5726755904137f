package io.basalt.sql.parse;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE USER [IF NOT EXISTS] name [WITH] PASSWORD 'password'}, PostgreSQL's syntax. The
 * password may also be a {@code SCRAM-SHA-256$...} verifier, stored as it is. Unparsing never prints
 * the password.
 */
public final class SqlCreateUser extends SqlCreate {
    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("CREATE USER", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final String password;

    public SqlCreateUser(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name, String password) {
        super(OPERATOR, pos, false, ifNotExists);
        this.name = name;
        this.password = password;
    }

    public String userName() {
        return name.getSimple();
    }

    public String password() {
        return password;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(SqlLiteral.createBoolean(ifNotExists, pos), name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE USER");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        writer.keyword("PASSWORD '***'");
    }
}
