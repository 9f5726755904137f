package io.basalt.sql.session;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.txn.TransactionRetryException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A DML statement fails retryably only when a table's row layout changed while it ran. */
class StaleColumnsTest {
    private static final ColumnDescriptor ID = new ColumnDescriptor(1, "ID", ColumnType.of(ColumnType.Name.INTEGER),
            false, null);
    private static final ColumnDescriptor V = new ColumnDescriptor(2, "V", ColumnType.of(ColumnType.Name.INTEGER),
            true, null);
    private static final TableDescriptor T = new TableDescriptor(100, "T", List.of(ID, V), new int[] {0}, 1);

    @Test
    void sameVersionOrSameLayoutPasses() {
        Catalog started = new Catalog(5, List.of(T));
        TableDescriptor renamed = T.withName("U").withColumns(List.of(ID, V.withName("W").withDefault("1")));

        assertThatCode(() -> StaleColumns.check(started, started)).doesNotThrowAnyException();
        assertThatCode(() -> StaleColumns.check(started, new Catalog(6, List.of(renamed)))).doesNotThrowAnyException();
    }

    @Test
    void anAddedOrDroppedColumnFailsTheStatement() {
        Catalog started = new Catalog(5, List.of(T));
        ColumnDescriptor added = new ColumnDescriptor(3, "D", ColumnType.of(ColumnType.Name.INTEGER), true, "7",
                ColumnDescriptor.Identity.NONE, 7L);

        assertThatThrownBy(() -> StaleColumns.check(started, new Catalog(6, List.of(T.withColumns(List.of(ID, V,
                added)))))).isInstanceOf(TransactionRetryException.class);
        assertThatThrownBy(() -> StaleColumns.check(started, new Catalog(6, List.of(T.withColumns(List.of(ID))))))
                .isInstanceOf(TransactionRetryException.class);
    }
}
