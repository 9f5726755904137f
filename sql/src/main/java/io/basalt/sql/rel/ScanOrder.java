package io.basalt.sql.rel;

import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.TableDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * The orders in which a primary-key scan delivers its rows, as Calcite collations, so that the
 * planner drops a sort the scan already provides and a {@code LIMIT} stops reading early (the
 * oldest new order of a district: {@code ORDER BY no_o_id FETCH FIRST 1 ROWS} reads one row
 * instead of the district's whole queue, and with {@code FOR UPDATE} locks only that one).
 *
 * <p>A scan of one partition returns rows in key order, and the key codec preserves the order of
 * values. So with the first {@code b} key columns bound by equality, the rows are sorted by
 * {@code (k_i, ..., k_n)} for every {@code i <= b}: the bound columns are constants. Only columns
 * whose key order is exactly SQL's order count: integers, DECIMAL, DATE, TIME, TIMESTAMP and
 * BOOLEAN. Text is left out (bytes of UTF-8 and PAD SPACE comparison differ from the executor's
 * string order in corner cases), and so are floating-point columns (NaN and -0.0). A scan of all
 * partitions or through an index claims no order.
 */
final class ScanOrder {
    private ScanOrder() {
    }

    static List<RelCollation> of(TableDescriptor table, KeyAccess access) {
        if (access.index() != null || !access.singlePartition() || access.kind() != KeyAccess.Kind.RANGE) {
            return List.of();
        }
        int[] primaryKey = table.primaryKey();
        int bound = access.equalities().size();
        int end = bound;
        while (end < primaryKey.length && keepsSqlOrder(table.columns().get(primaryKey[end]).type())) {
            end++;
        }
        if (end == bound) {
            return List.of();
        }
        List<RelCollation> collations = new ArrayList<>();
        for (int start = 0; start <= bound; start++) {
            List<RelFieldCollation> fields = new ArrayList<>();
            for (int i = start; i < end; i++) {
                fields.add(new RelFieldCollation(primaryKey[i], RelFieldCollation.Direction.ASCENDING,
                        RelFieldCollation.NullDirection.LAST));
            }
            collations.add(RelCollations.of(fields));
        }
        return collations;
    }

    private static boolean keepsSqlOrder(ColumnType type) {
        return switch (type.name()) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, TIME, TIMESTAMP, BOOLEAN -> true;
            case REAL, DOUBLE, CHAR, VARCHAR -> false;
        };
    }
}
