package io.basalt.sql.catalog;

/**
 * A CHECK constraint: a condition over one row's columns, stored as SQL text (the catalog keeps
 * text, not a compiled form, so that it outlives the code that compiled it). A row violates it
 * when the condition is FALSE; TRUE and NULL both pass, as the standard says.
 */
public record CheckDescriptor(String name, String conditionSql) {
}
