package io.basalt.sql.plan;

import io.basalt.sql.type.BasaltTypeSystem;
import io.basalt.sql.type.UnconstrainedNumeric;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type factory with Basalt's type system, and text in UTF-8. Calcite's default
 * character set is ISO-8859-1 (its {@code calcite.default.charset} property), so any literal
 * with a character outside Latin-1 ({@code '日本'}) failed with an internal error, "Failed to
 * encode". The property only takes effect if it is set before Calcite's classes initialise
 * ({@code CalciteDefaults} tries); the factory makes text UTF-8 even when that was too late,
 * in which case EXPLAIN merely writes string literals as {@code _UTF-8'...'}.
 *
 * <p>DECIMAL without precision ({@code CAST(x AS NUMERIC)}) is PostgreSQL's unconstrained NUMERIC
 * ({@link UnconstrainedNumeric}), and so is the common type of it and other numbers.
 */
final class BasaltTypeFactory extends JavaTypeFactoryImpl {
    BasaltTypeFactory() {
        super(BasaltTypeSystem.INSTANCE);
    }

    /**
     * The validator asks for a type without precision when SQL names none. For DECIMAL that is
     * the unconstrained NUMERIC; Calcite's default, DECIMAL(38, 0) here, rounded
     * {@code CAST(1.25 AS NUMERIC)} to 1. (Overriding the type system's default scale instead
     * would also give {@code DECIMAL(5)} that scale: Calcite uses it whenever SQL names no scale.)
     */
    @Override
    public RelDataType createSqlType(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL
                ? createSqlType(typeName, UnconstrainedNumeric.PRECISION, UnconstrainedNumeric.SCALE)
                : super.createSqlType(typeName);
    }

    /**
     * A CASE, COALESCE, UNION or VALUES list mixing an unconstrained NUMERIC with other numbers is
     * unconstrained, and so is one whose DECIMALs need more than 38 digits together (a VALUES
     * list with 123.45 and a 40-digit number): Calcite's common type is capped at 38 digits, and
     * the cast to it would round the values or fail, where PostgreSQL's common type, NUMERIC,
     * holds them all.
     */
    @Override
    public RelDataType leastRestrictive(List<RelDataType> types) {
        RelDataType common = super.leastRestrictive(types);
        if (common == null || common.getSqlTypeName() != SqlTypeName.DECIMAL
                || types.stream().noneMatch(type -> UnconstrainedNumeric.is(type) || !fits(type, common))) {
            return common;
        }
        return UnconstrainedNumeric.type(this, common.isNullable());
    }

    /** Whether {@code type}'s values keep all their digits as {@code decimal}, a DECIMAL(p, s). */
    private static boolean fits(RelDataType type, RelDataType decimal) {
        return type.getSqlTypeName() != SqlTypeName.DECIMAL
                || type.getScale() <= decimal.getScale()
                        && type.getPrecision() - type.getScale() <= decimal.getPrecision() - decimal.getScale();
    }

    @Override
    public Charset getDefaultCharset() {
        return StandardCharsets.UTF_8;
    }
}
