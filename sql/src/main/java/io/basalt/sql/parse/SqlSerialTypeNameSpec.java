package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** PostgreSQL's SERIAL, BIGSERIAL and SMALLSERIAL: an integer type whose column is an identity column. */
public final class SqlSerialTypeNameSpec extends SqlBasicTypeNameSpec {
    private final String spelling;

    public SqlSerialTypeNameSpec(SqlTypeName type, String spelling, SqlParserPos pos) {
        super(type, pos);
        this.spelling = spelling;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(spelling);
    }
}
