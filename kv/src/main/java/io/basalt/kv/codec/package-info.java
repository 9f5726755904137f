/**
 * Byte encodings of SQL values for the kv layer: order-preserving tuple keys
 * ({@link io.basalt.kv.codec.KeyEncoder}, {@link io.basalt.kv.codec.KeyDecoder},
 * {@link io.basalt.kv.codec.Keys}) and compact row values
 * ({@link io.basalt.kv.codec.ValueEncoder}, {@link io.basalt.kv.codec.ValueDecoder}).
 *
 * <p>Both formats are stored on disk; each encoder class draws its byte layout, and
 * {@code KeyLayoutTest} and {@code ValueLayoutTest} pin example bytes so that a format
 * change cannot happen by accident. Neither codec knows table schemas: callers pass the
 * direction of each key field and the id of each column.
 */
package io.basalt.kv.codec;
