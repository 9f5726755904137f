package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlKind;
import org.junit.jupiter.api.Test;

import static io.basalt.sql.parse.ParseTesting.parseAs;
import static org.assertj.core.api.Assertions.assertThat;

class DropTableParseTest {

    @Test
    void plainDropRestrictsAndFailsIfMissing() {
        final SqlDropTable drop = parseAs("DROP TABLE accounts", SqlDropTable.class);

        assertThat(drop.getKind()).isEqualTo(SqlKind.DROP_TABLE);
        assertThat(drop.name().names).containsExactly("ACCOUNTS");
        assertThat(drop.ifExists()).isFalse();
        assertThat(drop.cascade()).isFalse();
    }

    @Test
    void ifExistsAndCascadeAreKept() {
        final SqlDropTable drop = parseAs("DROP TABLE IF EXISTS bank.accounts CASCADE", SqlDropTable.class);

        assertThat(drop.ifExists()).isTrue();
        assertThat(drop.cascade()).isTrue();
        assertThat(drop.name().names).containsExactly("BANK", "ACCOUNTS");
    }

    @Test
    void explicitRestrictIsTheDefault() {
        final SqlDropTable drop = parseAs("DROP TABLE accounts RESTRICT", SqlDropTable.class);

        assertThat(drop.cascade()).isFalse();
    }

    @Test
    void tableNamedIfIsNotTakenForIfExists() {
        final SqlDropTable drop = parseAs("DROP TABLE if", SqlDropTable.class);

        assertThat(drop.ifExists()).isFalse();
        assertThat(drop.name().getSimple()).isEqualTo("IF");
    }
}
