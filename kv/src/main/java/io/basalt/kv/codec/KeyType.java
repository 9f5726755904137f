package io.basalt.kv.codec;

/**
 * The family of one encoded key field, as told by its tag byte ({@link KeyDecoder#peekType}).
 *
 * <p>All integer widths share INTEGER and REAL/FLOAT share DOUBLE, because callers widen them
 * before encoding; the table schema, not the key, remembers the declared SQL type.
 */
public enum KeyType {
    NULL,
    BOOLEAN,
    INTEGER,
    DECIMAL,
    DOUBLE,
    STRING,
    BYTES,
    DATE,
    TIME,
    TIMESTAMP
}
