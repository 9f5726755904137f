package io.basalt.sql.fun;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * PostgreSQL's functions beyond the SQL standard's: Calcite's library operators where they behave
 * as PostgreSQL's do, Basalt's own ({@link StringFunctions}, {@link MathFunctions},
 * {@link DateTimeFunctions}) where Calcite has none or a different one.
 *
 * <p>Operators are picked one by one rather than by adding Calcite's whole POSTGRESQL library:
 * that library also overloads names Basalt already resolves (POWER, the {@code ::} cast) and
 * brings functions whose results differ from PostgreSQL's (its LEFT, LPAD, LTRIM, CHR, LOG,
 * TO_CHAR; see {@link StringFunctions}). Checked against PostgreSQL by
 * {@code golden/functions.sql}.
 *
 * <p>Calcite's operators reused here, checked for PostgreSQL's results: LENGTH and SUBSTR (which
 * become CHAR_LENGTH and SUBSTRING, so {@link PostgresSemantics} makes them count characters),
 * CONCAT and CONCAT_WS (NULL arguments skipped), MD5, TRANSLATE, GREATEST and LEAST (NULLs
 * ignored), RANDOM, STARTS_WITH, and the aggregates STRING_AGG, BOOL_AND and BOOL_OR (NULLs skipped, NULL for
 * no rows). TRUNC is Calcite's TRUNCATE, LOG of one argument
 * its LOG10, under PostgreSQL's names.
 */
public final class PostgresFunctionTable implements SqlOperatorTable {
    /** {@code NOW()}: PostgreSQL's name for CURRENT_TIMESTAMP, which {@link PostgresSemantics} puts in its place. */
    static final SqlOperator NOW = SqlBasicFunction.create("NOW",
            binding -> SqlStdOperatorTable.CURRENT_TIMESTAMP.inferReturnType(binding),
            OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE).withDynamic(true).withDeterministic(false);

    private final Map<String, List<SqlOperator>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    PostgresFunctionTable(SqlOperator truncate) {
        add(SqlLibraryOperators.LENGTH, SqlLibraryOperators.SUBSTR_POSTGRESQL,
                SqlLibraryOperators.CONCAT_FUNCTION_WITH_NULL, SqlLibraryOperators.CONCAT_WS_POSTGRESQL,
                SqlLibraryOperators.MD5, SqlLibraryOperators.TRANSLATE3, SqlLibraryOperators.GREATEST_PG,
                SqlLibraryOperators.LEAST_PG, SqlLibraryOperators.RANDOM, SqlLibraryOperators.STARTS_WITH,
                SqlLibraryOperators.STRING_AGG, SqlLibraryOperators.BOOL_AND, SqlLibraryOperators.BOOL_OR, NOW);
        alias("TRUNC", truncate);
        alias("LOG", SqlStdOperatorTable.LOG10);

        Class<?> string = String.class;
        Class<?> integer = int.class;
        text("LEFT", "left", string, integer);
        text("RIGHT", "right", string, integer);
        for (String pad : List.of("LPAD", "RPAD")) {
            text(pad, pad.toLowerCase(Locale.ROOT), string, integer);
            text(pad, pad.toLowerCase(Locale.ROOT), string, integer, string);
        }
        for (String trim : List.of("LTRIM", "RTRIM", "BTRIM")) {
            text(trim, trim.toLowerCase(Locale.ROOT), string);
            text(trim, trim.toLowerCase(Locale.ROOT), string, string);
        }
        text("SPLIT_PART", "splitPart", string, string, integer);
        text("CHR", "chr", integer);
        text("REPEAT", "repeat", string, integer);
        text("REVERSE", "reverse", string);
        add(MethodOperators.function("STRPOS", StringFunctions.class, "position", SqlTypeName.INTEGER, string, string));

        add(MethodOperators.function("DIV", MathFunctions.class, "div", PostgresFunctionTable::integralDecimal,
                java.math.BigDecimal.class, java.math.BigDecimal.class));
        add(MethodOperators.function("GCD", MathFunctions.class, "gcdInteger", SqlTypeName.INTEGER, integer, integer));
        add(MethodOperators.function("GCD", MathFunctions.class, "gcd", SqlTypeName.BIGINT, long.class, long.class));
        add(MethodOperators.function("LOG", MathFunctions.class, "log", SqlTypeName.DOUBLE, double.class, double.class));

        add(MethodOperators.function("MAKE_DATE", DateTimeFunctions.class, "makeDate", SqlTypeName.DATE,
                SqlTypeName.INTEGER, SqlTypeName.INTEGER, SqlTypeName.INTEGER));
        add(MethodOperators.function("DATE_TRUNC", DateTimeFunctions.class, "dateTrunc", SqlTypeName.TIMESTAMP,
                SqlTypeName.VARCHAR, SqlTypeName.TIMESTAMP));
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        if (syntax != SqlSyntax.FUNCTION || !opName.isSimple()) {
            return;
        }
        operatorList.addAll(byName.getOrDefault(opName.getSimple(), List.of()));
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        List<SqlOperator> all = new ArrayList<>();
        byName.values().forEach(all::addAll);
        return all;
    }

    private void add(SqlOperator... operators) {
        for (SqlOperator operator : operators) {
            alias(operator.getName(), operator);
        }
    }

    private void alias(String name, SqlOperator operator) {
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(operator);
    }

    private void text(String name, String method, Class<?>... parameters) {
        add(MethodOperators.function(name, StringFunctions.class, method, nullable(SqlTypeName.VARCHAR), parameters));
    }

    private static SqlReturnTypeInference nullable(SqlTypeName type) {
        return ReturnTypes.explicit(type).andThen(SqlTypeTransforms.TO_NULLABLE);
    }

    /** DIV's result: a NUMERIC with no fraction, as wide as Basalt's DECIMAL goes. */
    private static RelDataType integralDecimal(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType type = factory.createSqlType(SqlTypeName.DECIMAL,
                factory.getTypeSystem().getMaxNumericPrecision(), 0);
        boolean nullable = binding.collectOperandTypes().stream().anyMatch(RelDataType::isNullable);
        return factory.createTypeWithNullability(type, nullable);
    }
}
