package io.basalt.sql.type;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's LENIENT conformance (what PostgreSQL clients send: {@code !=}, LIMIT/OFFSET, GROUP BY
 * aliases) with checked arithmetic: integer overflow raises an error (22003) instead of wrapping
 * around silently, as PostgreSQL and the SQL standard require; and no output aliases in HAVING.
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

    /**
     * PostgreSQL resolves a name in HAVING as a column of the FROM clause, never as an output
     * alias ({@code HAVING cnt > 0} is 42703); LENIENT would take the alias.
     */
    @Override
    public boolean isHavingAlias() {
        return false;
    }
}
