package io.basalt.sql.catalog;

/**
 * A column of a table.
 *
 * @param id stable within the table; row values are stored by it, so it never changes or gets
 *     reused, even when columns are added or dropped later
 * @param defaultSql the DEFAULT expression as SQL text, or null
 */
public record ColumnDescriptor(int id, String name, ColumnType type, boolean nullable, String defaultSql) {
}
