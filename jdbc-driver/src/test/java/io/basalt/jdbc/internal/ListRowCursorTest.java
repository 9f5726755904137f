package io.basalt.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListRowCursorTest {

    @Test
    void servesCopiesOfItsRowsInOrderThenNull() {
        Object[] row = {"a", 1};
        ListRowCursor cursor = new ListRowCursor(
                List.of(ListRowCursor.column("S", Types.VARCHAR), ListRowCursor.column("N", Types.INTEGER)),
                List.<Object[]>of(row, new Object[] {"b", 2}));
        row[0] = "changed";
        Object[] first = cursor.next();
        assertThat(first).containsExactly("a", 1);
        first[0] = "scribbled";
        assertThat(cursor.next()).containsExactly("b", 2);
        assertThat(cursor.next()).isNull();
        assertThat(cursor.columns()).extracting(c -> c.typeName()).containsExactly("VARCHAR", "INTEGER");
    }

    @Test
    void closedCursorServesNoMoreRows() {
        ListRowCursor cursor = new ListRowCursor(List.of(ListRowCursor.column("N", Types.INTEGER)),
                List.<Object[]>of(new Object[] {1}));
        cursor.close();
        cursor.close();
        assertThat(cursor.next()).isNull();
    }

    @Test
    void rowsMustMatchTheColumns() {
        assertThatThrownBy(() -> new ListRowCursor(List.of(ListRowCursor.column("N", Types.INTEGER)),
                List.<Object[]>of(new Object[] {1, 2}))).isInstanceOf(IllegalArgumentException.class);
    }
}
