package io.basalt.sql.plan;

import io.basalt.sql.type.BasaltTypeSystem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/**
 * Calcite's type factory with Basalt's type system, and text in UTF-8. Calcite's default
 * character set is ISO-8859-1 (its {@code calcite.default.charset} property), so any literal
 * with a character outside Latin-1 ({@code '日本'}) failed with an internal error, "Failed to
 * encode". The property would have to be set before Calcite's classes load; the factory is the
 * narrower seam. The price: EXPLAIN writes string literals as {@code _UTF-8'...'}.
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
