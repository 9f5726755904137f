/**
 * The client session SPI: what the JDBC driver needs from a Basalt engine, whether the engine
 * runs in the same JVM (the embedded engine in the {@code server} jar, found through
 * {@link java.util.ServiceLoader}) or behind the wire protocol (a later remote implementation).
 * The driver's JDBC objects sit on {@link io.basalt.common.client.Session}; nothing here knows JDBC
 * classes, Calcite or the storage (pgjdbc's split: JDBC objects, then a protocol session).
 *
 * <h2>Values</h2>
 * Parameter and column values cross this SPI as these Java objects (and {@code null}):
 * <pre>
 *   BOOLEAN            Boolean
 *   SMALLINT           Short
 *   INTEGER            Integer
 *   BIGINT             Long
 *   DECIMAL/NUMERIC    java.math.BigDecimal
 *   REAL               Float
 *   DOUBLE, FLOAT      Double
 *   CHAR, VARCHAR      String
 *   DATE               java.time.LocalDate
 *   TIME               java.time.LocalTime
 *   TIMESTAMP          java.time.LocalDateTime   (without time zone)
 *   VARBINARY          byte[]
 * </pre>
 * Parameters may be any of these; the engine converts them to the parameter's type and reports a
 * 22xxx SQLState when the value does not fit. Errors are {@link io.basalt.common.error.BasaltException}s.
 */
package io.basalt.common.client;
