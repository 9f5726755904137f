/**
 * Parsing: Basalt's SQL grammar and the parse trees of the statements it adds to Calcite's.
 *
 * <p>{@link io.basalt.sql.parse.BasaltSqlParser} is the entry point. The parser itself,
 * {@code io.basalt.sql.parse.impl.BasaltSqlParserImpl}, is generated at build time from Calcite's
 * {@code Parser.jj} template and {@code src/main/codegen}; nothing in {@code impl} is checked in.
 * The node classes here follow Calcite's conventions: each operator's {@code createCall} rebuilds
 * its node from {@code getOperandList()}, and {@code unparse} writes SQL that parses back into an
 * equal tree.
 */
package io.basalt.sql.parse;
