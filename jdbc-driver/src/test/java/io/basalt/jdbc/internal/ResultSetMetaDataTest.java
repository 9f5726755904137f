package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSetMetaData;
import java.sql.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResultSetMetaDataTest extends WithFakeConnection {
    private static final int D = 5;
    private static final int V = 8;
    private ResultSetMetaData metaData;

    @BeforeEach
    void readMetaData() throws Exception {
        metaData = connection.createStatement().executeQuery(FakeSession.ALL_TYPES).getMetaData();
    }

    @Test
    void describesTheEnginesColumns() throws Exception {
        assertThat(metaData.getColumnCount()).isEqualTo(12);
        assertThat(metaData.getColumnLabel(D)).isEqualTo("D");
        assertThat(metaData.getColumnName(D)).isEqualTo("D");
        assertThat(metaData.getTableName(D)).isEqualTo("ALL_TYPES");
        assertThat(metaData.getSchemaName(D)).isEqualTo("PUBLIC");
        assertThat(metaData.getCatalogName(D)).isEmpty();
        assertThat(metaData.getColumnType(D)).isEqualTo(Types.DECIMAL);
        assertThat(metaData.getColumnTypeName(D)).isEqualTo("DECIMAL");
        assertThat(metaData.getPrecision(D)).isEqualTo(10);
        assertThat(metaData.getScale(D)).isEqualTo(2);
        assertThat(metaData.isNullable(D)).isEqualTo(ResultSetMetaData.columnNullable);
        assertThat(metaData.isNullable(V)).isEqualTo(ResultSetMetaData.columnNoNulls);
    }

    @Test
    void derivedFactsFollowTheColumnType() throws Exception {
        assertThat(metaData.getColumnDisplaySize(D)).isEqualTo(12);
        assertThat(metaData.getColumnDisplaySize(V)).isEqualTo(20);
        assertThat(metaData.getColumnDisplaySize(1)).isEqualTo(5);
        assertThat(metaData.getColumnDisplaySize(9)).isEqualTo(10);
        assertThat(metaData.isSigned(D)).isTrue();
        assertThat(metaData.isSigned(V)).isFalse();
        assertThat(metaData.isCaseSensitive(V)).isTrue();
        assertThat(metaData.isCaseSensitive(D)).isFalse();
        assertThat(metaData.getColumnClassName(2)).isEqualTo("java.lang.Integer");
        assertThat(metaData.getColumnClassName(12)).isEqualTo("[B");
    }

    @Test
    void columnsAreReadOnlyAndPlain() throws Exception {
        assertThat(metaData.isReadOnly(1)).isTrue();
        assertThat(metaData.isWritable(1)).isFalse();
        assertThat(metaData.isDefinitelyWritable(1)).isFalse();
        assertThat(metaData.isAutoIncrement(1)).isFalse();
        assertThat(metaData.isCurrency(D)).isFalse();
        assertThat(metaData.isSearchable(1)).isTrue();
    }

    @Test
    void columnIndexOutOfRangeIs22023() {
        assertSqlState(() -> metaData.getColumnLabel(0), "22023");
        assertSqlState(() -> metaData.isSigned(13), "22023");
    }
}
