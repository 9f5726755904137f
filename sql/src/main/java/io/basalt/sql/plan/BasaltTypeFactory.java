package io.basalt.sql.plan;

import io.basalt.sql.type.BasaltTypeSystem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/**
 * Calcite's type factory with Basalt's type system, and text in UTF-8. Calcite's default
 * character set is ISO-8859-1 (its {@code calcite.default.charset} property), so any literal
 * with a character outside Latin-1 ({@code '日本'}) failed with an internal error, "Failed to
 * encode". The property only takes effect if it is set before Calcite's classes initialise
 * ({@code CalciteDefaults} tries); the factory makes text UTF-8 even when that was too late,
 * in which case EXPLAIN merely writes string literals as {@code _UTF-8'...'}.
 */
final class BasaltTypeFactory extends JavaTypeFactoryImpl {
    BasaltTypeFactory() {
        super(BasaltTypeSystem.INSTANCE);
    }

    @Override
    public Charset getDefaultCharset() {
        return StandardCharsets.UTF_8;
    }
}
