package io.basalt.sql.plan;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.fun.UnconstrainedCasts;
import io.basalt.sql.type.UnconstrainedNumeric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Calcite's RexBuilder, except that a TIME or TIMESTAMP literal with more fractional digits than
 * its type allows is rounded to the type, as PostgreSQL does, instead of truncated:
 * {@code CAST(TIME '13:14:15.678' AS TIME(0))} is 13:14:16, and so is
 * {@code TIME '13:14:15.678'} stored into a TIME(0) column. Calcite makes such literals while
 * it converts SQL (a cast of a literal, a VALUES row) before any rewrite of ours runs; casts of
 * other expressions are rounded by {@code io.basalt.sql.fun.PostgresSemantics}.
 *
 * <p>A cast of a literal to the unconstrained NUMERIC ({@link UnconstrainedNumeric}) is not folded
 * into a literal, which Calcite would rescale to the marker type's 500 fractional digits, but
 * made a call that keeps the value's scale ({@link UnconstrainedCasts}).
 */
final class BasaltRexBuilder extends RexBuilder {
    private static final int MILLIS_PER_DAY = 86_400_000;
    /** 2000-01-01T00:00, from which PostgreSQL counts a timestamp's value. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    BasaltRexBuilder(RelDataTypeFactory typeFactory) {
        super(typeFactory);
    }

    @Override
    public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe,
                            RexLiteral format) {
        if (UnconstrainedNumeric.is(type) && exp instanceof RexLiteral literal && !literal.isNull()) {
            RelDataType target = matchNullability
                    ? getTypeFactory().createTypeWithNullability(type, exp.getType().isNullable()) : type;
            RexNode converted = UnconstrainedCasts.convert(this, target, exp);
            if (converted != null) {
                return converted;
            }
        }
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }

    @Override
    protected RexLiteral makeLiteral(Comparable o, RelDataType type, SqlTypeName typeName) {
        if (o instanceof TimeString || o instanceof TimestampString) {
            int precision = type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : type.getPrecision();
            return super.makeLiteral(rounded(o, precision), type, typeName);
        }
        return super.makeLiteral(o, type, typeName);
    }

    /**
     * {@code value} rounded to {@code precision} fractional digits, half away from zero the way
     * PostgreSQL rounds a timestamp (its value counts from 2000-01-01, so a half second before
     * 2000 rounds down); unchanged if it has no more digits than that, for Calcite to keep.
     */
    private static Comparable<?> rounded(Comparable<?> value, int precision) {
        String text = value.toString();
        int dot = text.indexOf('.');
        // Basalt's TIME and TIMESTAMP keep milliseconds at most (BasaltTypeSystem).
        if (dot < 0 || text.length() - dot - 1 <= precision || precision > 3) {
            return value;
        }
        BigDecimal fraction = new BigDecimal("0" + text.substring(dot));
        if (value instanceof TimeString) {
            BigDecimal seconds = BigDecimal.valueOf(new TimeString(text.substring(0, dot)).getMillisOfDay() / 1000)
                    .add(fraction).setScale(precision, RoundingMode.HALF_UP);
            long millis = seconds.movePointRight(3).longValueExact();
            if (millis >= MILLIS_PER_DAY) {
                // PostgreSQL's TIME has 24:00:00; Basalt's cannot hold it (see TextInput).
                throw new BasaltException(SqlState.DATETIME_FIELD_OVERFLOW, "time " + text
                        + " rounds to 24:00:00, which Basalt's TIME cannot hold (it ends at 23:59:59.999)");
            }
            return TimeString.fromMillisOfDay((int) millis);
        }
        long wholeSeconds = new TimestampString(text.substring(0, dot)).getMillisSinceEpoch() / 1000;
        BigDecimal sincePostgresEpoch = BigDecimal.valueOf(wholeSeconds - POSTGRES_EPOCH_SECONDS).add(fraction)
                .setScale(precision, RoundingMode.HALF_UP);
        return TimestampString.fromMillisSinceEpoch(
                sincePostgresEpoch.movePointRight(3).longValueExact() + POSTGRES_EPOCH_SECONDS * 1000);
    }
}
