package io.basalt.sql.schema.system;

import io.basalt.sql.catalog.Catalog;
import io.basalt.txn.TxnStats;

/**
 * What the rows of a system table are computed from when a statement reads it: the catalog for
 * the tables that describe the schema, the transaction counters for the one that shows them. One
 * record rather than a parameter per source, so that a table over a new source (a node's
 * partitions, say) changes this record and {@link SystemTable#scan}, not every rows function.
 *
 * @param catalog the catalog snapshot the statement reads (see {@link SystemTable} for which one)
 * @param txnStats the counters of the transaction manager that runs the statement; null when the
 *     plan runs without one (unit tests that open a plan directly), and the tables over it are empty
 */
record SystemTableContext(Catalog catalog, TxnStats txnStats) {
}
