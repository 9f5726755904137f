package io.basalt.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.SQLException;

/**
 * Reads stream parameters whole: the SPI takes values, not streams, and Basalt has no LOB types, so a
 * stream is only another way to pass a VARCHAR or VARBINARY value.
 */
final class ParameterStreams {

    private ParameterStreams() {
    }

    /** Reads a character stream parameter; {@code length} < 0 means to the end. */
    static String readText(Reader reader, long length) throws SQLException {
        if (reader == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            long remaining = length < 0 ? Long.MAX_VALUE : length;
            int n;
            while (remaining > 0 && (n = reader.read(buffer, 0, (int) Math.min(buffer.length, remaining))) > 0) {
                text.append(buffer, 0, n);
                remaining -= n;
            }
        } catch (IOException e) {
            throw JdbcErrors.unreadableStream(e);
        }
        return text.toString();
    }

    /** Reads a binary stream parameter; {@code length} < 0 means to the end. */
    static byte[] readBytes(InputStream in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        try {
            return length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
        } catch (IOException e) {
            throw JdbcErrors.unreadableStream(e);
        }
    }
}
