package io.basalt.sql.type;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's LENIENT conformance (what PostgreSQL clients send: {@code !=}, LIMIT/OFFSET, GROUP BY
 * aliases) with checked arithmetic: integer overflow raises an error (22003) instead of wrapping
 * around silently, as PostgreSQL and the SQL standard require.
 */
public final class BasaltConformance extends SqlDelegatingConformance {
    public static final BasaltConformance INSTANCE = new BasaltConformance();

    private BasaltConformance() {
        super(SqlConformanceEnum.LENIENT);
    }

    @Override
    public boolean checkedArithmetic() {
        return true;
    }
}
