package io.basalt.common.client;

/**
 * A result column as JDBC's {@code ResultSetMetaData} describes it.
 *
 * @param label the name the query gave the column (its alias), used by getters by label
 * @param columnName the underlying column's name, or the label for computed columns
 * @param tableName the underlying table, or "" for computed columns
 * @param schemaName the underlying table's schema, or ""
 * @param jdbcType a {@link java.sql.Types} constant
 * @param typeName the SQL type name, for example {@code VARCHAR} or {@code DECIMAL}
 * @param precision the declared length or precision, 0 when not applicable
 * @param scale the declared scale, 0 when not applicable
 * @param nullable whether the column may hold NULL
 */
public record ColumnMetadata(
        String label,
        String columnName,
        String tableName,
        String schemaName,
        int jdbcType,
        String typeName,
        int precision,
        int scale,
        boolean nullable) {
}
