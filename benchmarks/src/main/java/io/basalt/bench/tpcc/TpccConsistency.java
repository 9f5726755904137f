package io.basalt.bench.tpcc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The consistency conditions of clause 3.3.2 that a TPC-C database must meet at any time, each as
 * a query for the rows that break it: an empty answer everywhere means consistent.
 */
public final class TpccConsistency {
    private static final List<String[]> CONDITIONS = List.of(
            new String[] {"1: W_YTD = sum(D_YTD)", "SELECT w_id FROM warehouse WHERE w_ytd <>"
                    + " (SELECT SUM(d_ytd) FROM district WHERE d_w_id = w_id)"},
            new String[] {"2: D_NEXT_O_ID - 1 = max(O_ID)", "SELECT d_w_id, d_id FROM district WHERE d_next_o_id - 1 <>"
                    + " (SELECT MAX(o_id) FROM orders WHERE o_w_id = d_w_id AND o_d_id = d_id)"},
            new String[] {"2: D_NEXT_O_ID - 1 = max(NO_O_ID)", "SELECT d_w_id, d_id FROM district WHERE d_next_o_id - 1 <"
                    + " (SELECT MAX(no_o_id) FROM new_order WHERE no_w_id = d_w_id AND no_d_id = d_id)"},
            new String[] {"3: new orders are contiguous", "SELECT no_w_id, no_d_id FROM new_order"
                    + " GROUP BY no_w_id, no_d_id HAVING MAX(no_o_id) - MIN(no_o_id) + 1 <> COUNT(*)"},
            new String[] {"4: O_OL_CNT = lines of the order", "SELECT o_w_id, o_d_id, o_id FROM orders WHERE o_ol_cnt <>"
                    + " (SELECT COUNT(*) FROM order_line WHERE ol_w_id = o_w_id AND ol_d_id = o_d_id AND ol_o_id = o_id)"},
            // Spelled out with AND/OR, not "(o_carrier_id IS NULL) <> EXISTS (...)": H2 does not
            // compare a boolean with a predicate, and plain SQL runs everywhere.
            new String[] {"5: undelivered iff in NEW_ORDER", "SELECT o_w_id, o_d_id, o_id FROM orders WHERE"
                    + " (o_carrier_id IS NULL AND NOT EXISTS (SELECT 1 FROM new_order"
                    + " WHERE no_w_id = o_w_id AND no_d_id = o_d_id AND no_o_id = o_id))"
                    + " OR (o_carrier_id IS NOT NULL AND EXISTS (SELECT 1 FROM new_order"
                    + " WHERE no_w_id = o_w_id AND no_d_id = o_d_id AND no_o_id = o_id))"});

    private TpccConsistency() {
    }

    /** The conditions that do not hold, each with an example of an offending row; empty if all hold. */
    public static List<String> violations(Connection connection) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String[] condition : CONDITIONS) {
                try (ResultSet rows = statement.executeQuery(condition[1])) {
                    if (rows.next()) {
                        violations.add(condition[0] + ", e.g. at " + rows.getObject(1));
                    }
                }
            }
        }
        return violations;
    }
}
