package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.kv.codec.KeyEncoder;
import io.basalt.kv.codec.SortOrder;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.type.Assignment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * The split points of {@code PARTITION BY RANGE (cols) (split, ...)} as the catalog keeps them: each
 * split is one value, or a row of values for the leading partition-key columns, turned into the
 * column's stored value (22003 / 22001 if it does not fit) and key-encoded, so that a row's place
 * is a byte comparison of its encoded partition key (see {@code RowCodec#partitionOf}). Splits must
 * increase strictly (42P16). Numbers, strings and booleans are accepted.
 */
final class RangeSplits {
    private RangeSplits() {
    }

    static List<byte[]> encode(SqlNodeList splits, List<ColumnDescriptor> partitionColumns, String table) {
        List<byte[]> encoded = new ArrayList<>();
        for (SqlNode split : splits) {
            List<SqlNode> values = split instanceof SqlNodeList row ? row.getList() : List.of(split);
            if (values.isEmpty() || values.size() > partitionColumns.size()) {
                throw invalid(table, "a split point has " + values.size() + " values for a partition key of "
                        + partitionColumns.size() + " columns");
            }
            KeyEncoder encoder = new KeyEncoder();
            for (int i = 0; i < values.size(); i++) {
                ColumnDescriptor column = partitionColumns.get(i);
                ColumnDescriptor notNull = new ColumnDescriptor(column.id(), column.name(), column.type(), false, null);
                encoder.writeValue(Assignment.toStorage(notNull, literal(values.get(i), column)), SortOrder.ASCENDING);
            }
            byte[] bytes = encoder.toByteArray();
            if (!encoded.isEmpty() && Arrays.compareUnsigned(encoded.get(encoded.size() - 1), bytes) >= 0) {
                throw invalid(table, "split points must be listed in increasing order, each once");
            }
            encoded.add(bytes);
        }
        return encoded;
    }

    private static Object literal(SqlNode node, ColumnDescriptor column) {
        if (node instanceof SqlNumericLiteral number) {
            BigDecimal value = number.bigDecimalValue();
            return switch (column.type().name()) {
                case SMALLINT, INTEGER, BIGINT -> {
                    try {
                        yield value.longValueExact();
                    } catch (ArithmeticException e) {
                        throw new BasaltException(SqlState.INVALID_TEXT_REPRESENTATION,
                                "split point " + value + " is not an integer for column \"" + column.name() + "\"");
                    }
                }
                case REAL, DOUBLE -> value.doubleValue();
                default -> value;
            };
        }
        if (node instanceof SqlCharStringLiteral text) {
            return text.getValueAs(String.class);
        }
        if (node instanceof SqlLiteral literal && literal.getValue() instanceof Boolean bool) {
            return bool;
        }
        throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED, "split points of column \"" + column.name()
                + "\" must be numbers, strings or booleans: " + node);
    }

    private static BasaltException invalid(String table, String message) {
        return new BasaltException(SqlState.INVALID_TABLE_DEFINITION, "PARTITION BY RANGE of table \"" + table + "\": "
                + message);
    }
}
