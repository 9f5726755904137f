package io.basalt.sql.parse;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.basalt.sql.parse.ParseTesting.parseAs;
import static io.basalt.sql.parse.ParseTesting.unparse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateTableParseTest {

    @Test
    void columnsKeepNamesTypesAndOrder() {
        final SqlCreateTable create = parseAs(
            "CREATE TABLE accounts (id BIGINT, owner VARCHAR(40), balance DECIMAL(12, 2))", SqlCreateTable.class);

        assertThat(create.getKind()).isEqualTo(SqlKind.CREATE_TABLE);
        assertThat(create.name().names).containsExactly("ACCOUNTS");
        assertThat(create.ifNotExists()).isFalse();
        assertThat(create.columns()).extracting(c -> c.name().getSimple())
            .containsExactly("ID", "OWNER", "BALANCE");
        assertThat(create.columns()).extracting(c -> c.dataType().getTypeName().getSimple())
            .containsExactly("BIGINT", "VARCHAR", "DECIMAL");
        assertThat(create.primaryKey()).isNull();
        assertThat(create.primaryKeyColumns()).isEmpty();
        assertThat(create.uniqueKeys()).isEmpty();
        assertThat(create.partitionBy()).isNull();
    }

    @Test
    void ifNotExistsAndQualifiedNameAreKept() {
        final SqlCreateTable create = parseAs("CREATE TABLE IF NOT EXISTS bank.accounts (id INT)", SqlCreateTable.class);

        assertThat(create.ifNotExists()).isTrue();
        assertThat(create.name().names).containsExactly("BANK", "ACCOUNTS");
    }

    @Test
    void tableNamedIfIsNotTakenForIfNotExists() {
        final SqlCreateTable create = parseAs("CREATE TABLE if (id INT)", SqlCreateTable.class);

        assertThat(create.ifNotExists()).isFalse();
        assertThat(create.name().getSimple()).isEqualTo("IF");
    }

    @Test
    void inlinePrimaryKeyIsTheTablesKeyAndMakesTheColumnNotNullable() {
        final SqlCreateTable create = parseAs("CREATE TABLE t (id INT PRIMARY KEY, v INT)", SqlCreateTable.class);

        final SqlColumnDeclaration id = create.columns().get(0);
        assertThat(id.primaryKey()).isTrue();
        assertThat(id.notNull()).isFalse();
        assertThat(id.nullable()).isFalse();
        assertThat(create.columns().get(1).nullable()).isTrue();
        assertThat(create.primaryKeyColumns()).containsExactly("ID");
        assertThat(create.primaryKey().name()).isNull();
        assertThat(create.tableConstraints()).isEmpty();
    }

    @Test
    void tablePrimaryKeyListsColumnsInKeyOrder() {
        final SqlCreateTable create = parseAs(
            "CREATE TABLE order_line (w_id INT, d_id INT, o_id INT, PRIMARY KEY (w_id, o_id, d_id))",
            SqlCreateTable.class);

        assertThat(create.primaryKeyColumns()).containsExactly("W_ID", "O_ID", "D_ID");
        assertThat(create.primaryKey().isPrimaryKey()).isTrue();
        assertThat(create.columns()).noneMatch(SqlColumnDeclaration::primaryKey);
        assertThat(create.tableConstraints()).hasSize(1);
    }

    @Test
    void constraintNamesAreKeptForBothForms() {
        final SqlCreateTable create = parseAs("CREATE TABLE t ("
            + "id INT CONSTRAINT t_pk PRIMARY KEY, "
            + "email VARCHAR(80) CONSTRAINT t_email UNIQUE, "
            + "a INT, b INT, "
            + "CONSTRAINT t_ab UNIQUE (a, b))", SqlCreateTable.class);

        assertThat(create.primaryKey().name().getSimple()).isEqualTo("T_PK");
        assertThat(create.uniqueKeys()).extracting(k -> k.name().getSimple()).containsExactly("T_EMAIL", "T_AB");
        assertThat(create.uniqueKeys()).extracting(SqlKeyConstraint::columnNames)
            .containsExactly(List.of("EMAIL"), List.of("A", "B"));
        assertThat(create.columns().get(1).unique()).isTrue();
        assertThat(create.columns().get(1).primaryKey()).isFalse();
    }

    @Test
    void namedTablePrimaryKeyKeepsItsName() {
        final SqlCreateTable create = parseAs(
            "CREATE TABLE t (a INT, b INT, CONSTRAINT t_pk PRIMARY KEY (a, b))", SqlCreateTable.class);

        assertThat(create.primaryKey().name().getSimple()).isEqualTo("T_PK");
        assertThat(create.primaryKeyColumns()).containsExactly("A", "B");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE t (a INT PRIMARY KEY, b INT PRIMARY KEY)",
        "CREATE TABLE t (a INT PRIMARY KEY, b INT, PRIMARY KEY (b))",
        "CREATE TABLE t (a INT, b INT, PRIMARY KEY (a), CONSTRAINT again PRIMARY KEY (b))",
        "CREATE TABLE t (a INT PRIMARY KEY PRIMARY KEY)",
    })
    void secondPrimaryKeyIsRejectedAsInvalidTableDefinition(String sql) {
        assertThatThrownBy(() -> BasaltSqlParser.parse(sql))
            .isInstanceOf(BasaltException.class)
            .hasMessageContaining("multiple primary keys for table \"T\"")
            .hasMessageContaining("line 1, column")
            .satisfies(e -> assertThat(((BasaltException) e).sqlState()).isEqualTo(SqlState.INVALID_TABLE_DEFINITION));
    }

    @Test
    void secondPrimaryKeyErrorPointsAtTheSecondKey() {
        // Column 43 is where "PRIMARY KEY (b)" starts.
        assertThatThrownBy(() -> BasaltSqlParser.parse("CREATE TABLE t (a INT PRIMARY KEY, b INT, PRIMARY KEY (b))"))
            .hasMessage("multiple primary keys for table \"T\" are not allowed at line 1, column 43");
    }

    @Test
    void notNullAndExplicitNullAreRecorded() {
        final SqlCreateTable create = parseAs("CREATE TABLE t (a INT NOT NULL, b INT NULL, c INT)", SqlCreateTable.class);

        assertThat(create.columns()).extracting(SqlColumnDeclaration::notNull).containsExactly(true, false, false);
        assertThat(create.columns()).extracting(SqlColumnDeclaration::nullable).containsExactly(false, true, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE t (a INT NULL NOT NULL)", "CREATE TABLE t (a INT NOT NULL DEFAULT 1 NULL)"})
    void nullAndNotNullOnOneColumnAreRejected(String sql) {
        assertThatThrownBy(() -> BasaltSqlParser.parse(sql))
            .isInstanceOf(BasaltException.class)
            .hasMessageStartingWith("conflicting NULL/NOT NULL declarations for column \"A\" at line 1, column ")
            .satisfies(e -> assertThat(((BasaltException) e).sqlState()).isEqualTo(SqlState.SYNTAX_ERROR));
    }

    @Test
    void defaultLiteralsKeepTheirValues() {
        final SqlCreateTable create = parseAs(
            "CREATE TABLE t (s VARCHAR(10) DEFAULT 'x', n INT DEFAULT -1, f BOOLEAN DEFAULT FALSE, z INT DEFAULT NULL)",
            SqlCreateTable.class);

        final List<SqlNode> defaults = create.columns().stream().map(SqlColumnDeclaration::defaultValue).toList();
        assertThat(((SqlLiteral) defaults.get(0)).getValueAs(String.class)).isEqualTo("x");
        assertThat(((SqlLiteral) defaults.get(1)).intValue(true)).isEqualTo(-1);
        assertThat(((SqlLiteral) defaults.get(2)).booleanValue()).isFalse();
        assertThat(SqlUtil.isNullLiteral(defaults.get(3), false)).isTrue();
    }

    @Test
    void defaultExpressionsAreKeptUnevaluated() {
        final SqlCreateTable create = parseAs(
            "CREATE TABLE t (created TIMESTAMP DEFAULT CURRENT_TIMESTAMP, n INT DEFAULT 1 + 2 * 3, "
                + "u VARCHAR(20) DEFAULT UPPER('abc'))",
            SqlCreateTable.class);

        // The parser leaves niladic functions as identifiers; the validator turns them into calls.
        // Printing must not quote it, or it would come back as a column named CURRENT_TIMESTAMP.
        final SqlIdentifier now = (SqlIdentifier) create.columns().get(0).defaultValue();
        assertThat(now.getSimple()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(unparse(create.columns().get(0))).isEqualTo("\"CREATED\" TIMESTAMP DEFAULT CURRENT_TIMESTAMP");
        assertThat(create.columns().get(1).defaultValue().getKind()).isEqualTo(SqlKind.PLUS);
        assertThat(unparse(create.columns().get(2).defaultValue())).isEqualTo("UPPER('abc')");
    }

    @Test
    void columnConstraintsMayComeInAnyOrder() {
        final SqlCreateTable create = parseAs(
            "CREATE TABLE t (a INT UNIQUE DEFAULT 0 NOT NULL, b INT DEFAULT 7 PRIMARY KEY NOT NULL)",
            SqlCreateTable.class);

        final SqlColumnDeclaration a = create.columns().get(0);
        assertThat(a.unique()).isTrue();
        assertThat(a.notNull()).isTrue();
        assertThat(((SqlLiteral) a.defaultValue()).intValue(true)).isZero();
        final SqlColumnDeclaration b = create.columns().get(1);
        assertThat(b.primaryKey()).isTrue();
        assertThat(b.notNull()).isTrue();
        assertThat(((SqlLiteral) b.defaultValue()).intValue(true)).isEqualTo(7);
    }

    @Test
    void secondDefaultIsRejected() {
        assertThatThrownBy(() -> BasaltSqlParser.parse("CREATE TABLE t (a INT DEFAULT 1 DEFAULT 2)"))
            .isInstanceOf(BasaltException.class)
            .hasMessage("multiple default values specified for column \"A\" at line 1, column 33");
    }

    @Test
    void uniqueKeysComeFromBothFormsColumnLevelFirst() {
        final SqlCreateTable create = parseAs(
            "CREATE TABLE t (a INT, b INT UNIQUE, UNIQUE (a, b), c INT UNIQUE)", SqlCreateTable.class);

        assertThat(create.uniqueKeys()).extracting(SqlKeyConstraint::columnNames)
            .containsExactly(List.of("B"), List.of("C"), List.of("A", "B"));
        assertThat(create.uniqueKeys()).allSatisfy(k -> assertThat(k.getKind()).isEqualTo(SqlKind.UNIQUE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "INTEGER                        | INTEGER   | -1 | -2147483648",
        "INT                            | INTEGER   | -1 | -2147483648",
        "BIGINT                         | BIGINT    | -1 | -2147483648",
        "SMALLINT                       | SMALLINT  | -1 | -2147483648",
        "TINYINT                        | TINYINT   | -1 | -2147483648",
        "DECIMAL(10, 2)                 | DECIMAL   | 10 | 2",
        "DECIMAL(10)                    | DECIMAL   | 10 | -2147483648",
        "NUMERIC(8, 3)                  | DECIMAL   | 8  | 3",
        "DEC(5, 1)                      | DECIMAL   | 5  | 1",
        "DOUBLE                         | DOUBLE    | -1 | -2147483648",
        "DOUBLE PRECISION               | DOUBLE    | -1 | -2147483648",
        "REAL                           | REAL      | -1 | -2147483648",
        "FLOAT                          | FLOAT     | -1 | -2147483648",
        "VARCHAR(30)                    | VARCHAR   | 30 | -2147483648",
        "CHARACTER VARYING(30)          | VARCHAR   | 30 | -2147483648",
        "CHAR(3)                        | CHAR      | 3  | -2147483648",
        "CHARACTER(3)                   | CHAR      | 3  | -2147483648",
        "BOOLEAN                        | BOOLEAN   | -1 | -2147483648",
        "DATE                           | DATE      | -1 | -2147483648",
        "TIME                           | TIME      | -1 | -2147483648",
        "TIMESTAMP                      | TIMESTAMP | -1 | -2147483648",
        "TIMESTAMP(3)                   | TIMESTAMP | 3  | -2147483648",
        "VARBINARY(16)                  | VARBINARY | 16 | -2147483648",
        "TEXT                           | VARCHAR   | -1 | -2147483648",
    })
    void everySupportedColumnTypeParses(String type, SqlTypeName expected, int precision, int scale) {
        final SqlCreateTable create = parseAs("CREATE TABLE t (c " + type + " NOT NULL)", SqlCreateTable.class);

        final SqlColumnDeclaration column = create.columns().get(0);
        final SqlBasicTypeNameSpec spec = (SqlBasicTypeNameSpec) column.dataType().getTypeNameSpec();
        assertThat(SqlTypeName.get(spec.getTypeName().getSimple())).isEqualTo(expected);
        assertThat(spec.getPrecision()).isEqualTo(precision);
        assertThat(spec.getScale()).isEqualTo(scale);
        assertThat(column.notNull()).isTrue();
    }

    @Test
    void partitionByHashKeepsItsColumnsInOrder() {
        final SqlCreateTable create = parseAs(
            "CREATE TABLE t (w INT, d INT, PRIMARY KEY (w, d)) PARTITION BY HASH (d, w)", SqlCreateTable.class);

        assertThat(create.partitionBy()).extracting(n -> ((SqlIdentifier) n).getSimple()).containsExactly("D", "W");
    }

    @Test
    void createOrReplaceTableIsRejected() {
        assertThatThrownBy(() -> BasaltSqlParser.parse("CREATE OR REPLACE TABLE t (a INT)"))
            .isInstanceOf(BasaltException.class)
            .hasMessage("CREATE OR REPLACE TABLE is not supported at line 1, column 1")
            .satisfies(e -> assertThat(((BasaltException) e).sqlState()).isEqualTo(SqlState.SYNTAX_ERROR));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE t ()",
        "CREATE TABLE t (a)",
        "CREATE TABLE t (a INT,)",
        "CREATE TABLE t (a INT) PARTITION BY RANGE (a)",
        "CREATE TABLE t (a INT, PRIMARY KEY ())",
    })
    void malformedTableDefinitionsAreSyntaxErrors(String sql) {
        assertThatThrownBy(() -> BasaltSqlParser.parse(sql))
            .isInstanceOf(BasaltException.class)
            .hasMessageContaining("line 1, column")
            .satisfies(e -> assertThat(((BasaltException) e).sqlState()).isEqualTo(SqlState.SYNTAX_ERROR));
    }
}
