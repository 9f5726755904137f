package io.basalt.sql.fun;

import io.basalt.sql.type.UnconstrainedNumeric;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * Calcite's standard operators, with the result types PostgreSQL gives some of them:
 *
 * <ul>
 *   <li>{@code ROUND(decimal, n)} has scale {@code n} (0 when n is negative or absent) and one
 *       more integer digit, for the carry: {@code ROUND(1.2, 3)} is 1.200, {@code ROUND(9.96, 1)}
 *       is 10.0. Calcite keeps the argument's type, so the value was cast back to its scale, and
 *       {@code ROUND(AVG(x), 2)} printed sixteen digits.</li>
 *   <li>{@code SIGN(decimal)} is a DECIMAL with no fraction: -1, 0 or 1, not -1.0.</li>
 *   <li>{@code OCTET_LENGTH} takes text as it is (Calcite casts it to VARBINARY, which fails for
 *       characters beyond Latin-1); {@code PostgresSemantics} counts its UTF-8 bytes.</li>
 *
 *   <li>+ and - also take a DATE and a number of days, and - two dates ({@link DateArithmetic}).</li>
 *   <li>{@code TRUNCATE(decimal, n)} (PostgreSQL's TRUNC) is typed as ROUND is.</li>
 * </ul>
 *
 * The operators keep Calcite's names and implementations; Calcite finds an operator's
 * implementation by name and kind, so only the types change. Names the standard does not have
 * are PostgreSQL's functions ({@link PostgresFunctionTable}).
 */
public final class PostgresOperatorTable implements SqlOperatorTable {
    private static final Map<SqlOperator, SqlOperator> REPLACED = new IdentityHashMap<>(Map.of(
            SqlStdOperatorTable.ROUND, ((SqlBasicFunction) SqlStdOperatorTable.ROUND).withReturnTypeInference(
                    ReturnTypes.ARG0_NULLABLE.andThen(PostgresOperatorTable::roundedType)),
            SqlStdOperatorTable.SIGN, ((SqlBasicFunction) SqlStdOperatorTable.SIGN).withReturnTypeInference(
                    ReturnTypes.ARG0.andThen(PostgresOperatorTable::signType)),
            SqlStdOperatorTable.OCTET_LENGTH, ((SqlBasicFunction) SqlStdOperatorTable.OCTET_LENGTH)
                    .withOperandTypeChecker(OperandTypes.STRING),
            SqlStdOperatorTable.PLUS, DateArithmetic.PLUS,
            SqlStdOperatorTable.MINUS, DateArithmetic.MINUS,
            SqlStdOperatorTable.TRUNCATE, ((SqlBasicFunction) SqlStdOperatorTable.TRUNCATE).withReturnTypeInference(
                    ReturnTypes.ARG0_NULLABLE.andThen(PostgresOperatorTable::roundedType))));

    // After REPLACED, which the constructor reads.
    public static final PostgresOperatorTable INSTANCE = new PostgresOperatorTable();

    private final SqlOperatorTable standard = SqlStdOperatorTable.instance();
    private final SqlOperatorTable postgres = new PostgresFunctionTable(REPLACED.get(SqlStdOperatorTable.TRUNCATE));

    private PostgresOperatorTable() {
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        List<SqlOperator> found = new ArrayList<>();
        standard.lookupOperatorOverloads(opName, category, syntax, found, nameMatcher);
        found.forEach(operator -> operatorList.add(REPLACED.getOrDefault(operator, operator)));
        if (found.isEmpty()) {
            postgres.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
        }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        List<SqlOperator> all = new ArrayList<>();
        standard.getOperatorList().forEach(operator -> all.add(REPLACED.getOrDefault(operator, operator)));
        all.addAll(postgres.getOperatorList());
        return all;
    }

    private static RelDataType roundedType(SqlOperatorBinding binding, RelDataType argumentType) {
        // An unconstrained NUMERIC stays one: each value is rounded to the digits asked for, and
        // keeps all of its integer digits, which a DECIMAL(38, s) could not hold.
        if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL || UnconstrainedNumeric.is(argumentType)) {
            return argumentType;
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        int maxPrecision = factory.getTypeSystem().getMaxNumericPrecision();
        int scale;
        if (binding.getOperandCount() == 1) {
            scale = 0;
        } else if (binding.isOperandLiteral(1, true) && !binding.isOperandNull(1, true)) {
            BigDecimal digits = binding.getOperandLiteralValue(1, BigDecimal.class);
            scale = digits.signum() <= 0 ? 0 : digits.min(BigDecimal.valueOf(maxPrecision)).intValue();
        } else {
            // The scale depends on a value that is not known while planning: keep the argument's.
            return argumentType;
        }
        int integerDigits = argumentType.getPrecision() - argumentType.getScale() + 1;
        RelDataType rounded = factory.createSqlType(SqlTypeName.DECIMAL,
                Math.min(maxPrecision, integerDigits + scale), scale);
        return factory.createTypeWithNullability(rounded, argumentType.isNullable());
    }

    private static RelDataType signType(SqlOperatorBinding binding, RelDataType argumentType) {
        if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return argumentType;
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DECIMAL, 1, 0),
                argumentType.isNullable());
    }
}
