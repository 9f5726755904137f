package io.basalt.sql.fun;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Operators implemented by a public static method, which Calcite's code generator calls directly
 * (a NULL argument of a {@code @Strict} method gives NULL without a call). The validator casts
 * each argument to the parameter's SQL type, so the method sees exactly the Java types it declares.
 * One place for this, so the functions SQL can name ({@link PostgresFunctionTable}) and the
 * internal rewrites ({@link PostgresSemantics}) build their operators the same way.
 */
final class MethodOperators {
    private MethodOperators() {
    }

    /** {@code name} calls {@code owner.method(parameters)}; its result is {@code result}, nullable when an argument is. */
    static SqlOperator function(String name, Class<?> owner, String method, SqlTypeName result,
                                Class<?>... parameters) {
        return function(name, owner, method, ReturnTypes.explicit(result).andThen(SqlTypeTransforms.TO_NULLABLE),
                parameters);
    }

    static SqlOperator function(String name, Class<?> owner, String method, SqlReturnTypeInference result,
                                Class<?>... parameters) {
        return function(name, owner, method, result, Arrays.stream(parameters).map(MethodOperators::sqlTypeOf).toList());
    }

    /** {@code name(parameters)} with the SQL types of its parameters; the method takes their Java types (a DATE is an int). */
    static SqlOperator function(String name, Class<?> owner, String method, SqlTypeName result,
                                SqlTypeName... parameters) {
        return function(name, owner, method, ReturnTypes.explicit(result).andThen(SqlTypeTransforms.TO_NULLABLE),
                List.of(parameters));
    }

    private static SqlOperator function(String name, Class<?> owner, String method, SqlReturnTypeInference result,
                                        List<SqlTypeName> operandTypes) {
        Method implementation = Types.lookupMethod(owner, method,
                operandTypes.stream().map(MethodOperators::javaTypeOf).toArray(Class<?>[]::new));
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, result,
                InferTypes.FIRST_KNOWN,
                OperandTypes.operandMetadata(operandTypes.stream().map(SqlTypeName::getFamily).toList(),
                        factory -> operandTypes.stream().map(factory::createSqlType).toList(),
                        i -> "value" + i, i -> false),
                ScalarFunctionImpl.create(implementation));
    }

    /** Calcite's Java representation of a value of this type (the inverse of {@link #sqlTypeOf} where both are defined). */
    private static Class<?> javaTypeOf(SqlTypeName type) {
        return switch (type) {
            case VARCHAR, CHAR -> String.class;
            case DECIMAL -> BigDecimal.class;
            case BOOLEAN -> boolean.class;
            case DOUBLE -> double.class;
            case REAL -> float.class;
            case SMALLINT -> short.class;
            case BIGINT, TIMESTAMP -> long.class;
            case INTEGER, DATE, TIME -> int.class;
            default -> throw new IllegalArgumentException("no Java type for " + type);
        };
    }

    private static SqlTypeName sqlTypeOf(Class<?> parameter) {
        if (parameter == String.class) {
            return SqlTypeName.VARCHAR;
        }
        if (parameter == BigDecimal.class) {
            return SqlTypeName.DECIMAL;
        }
        if (parameter == boolean.class) {
            return SqlTypeName.BOOLEAN;
        }
        if (parameter == double.class) {
            return SqlTypeName.DOUBLE;
        }
        if (parameter == float.class) {
            return SqlTypeName.REAL;
        }
        if (parameter == short.class) {
            return SqlTypeName.SMALLINT;
        }
        return parameter == long.class ? SqlTypeName.BIGINT : SqlTypeName.INTEGER;
    }
}
