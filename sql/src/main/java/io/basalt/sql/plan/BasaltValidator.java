package io.basalt.sql.plan;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.Resources;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.SqlValidatorTable;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * Calcite's validator, raising errors that carry their SQLState. The state is chosen by which
 * of Calcite's resource methods made the error ({@code objectNotFound}, {@code columnNotFound},
 * ...), never by its message text (STYLE.md section 5).
 */
final class BasaltValidator extends SqlValidatorImpl {
    private static final Map<String, SqlState> STATE_BY_RESOURCE = Map.ofEntries(
            Map.entry("objectNotFound", SqlState.UNDEFINED_TABLE),
            Map.entry("objectNotFoundWithin", SqlState.UNDEFINED_TABLE),
            Map.entry("objectNotFoundDidYouMean", SqlState.UNDEFINED_TABLE),
            Map.entry("objectNotFoundWithinDidYouMean", SqlState.UNDEFINED_TABLE),
            Map.entry("tableNameNotFound", SqlState.UNDEFINED_TABLE),
            Map.entry("tableNameNotFoundDidYouMean", SqlState.UNDEFINED_TABLE),
            Map.entry("columnNotFound", SqlState.UNDEFINED_COLUMN),
            Map.entry("columnNotFoundDidYouMean", SqlState.UNDEFINED_COLUMN),
            Map.entry("columnNotFoundInTable", SqlState.UNDEFINED_COLUMN),
            Map.entry("columnNotFoundInTableDidYouMean", SqlState.UNDEFINED_COLUMN),
            Map.entry("unknownIdentifier", SqlState.UNDEFINED_COLUMN),
            Map.entry("unknownTargetColumn", SqlState.UNDEFINED_COLUMN),
            Map.entry("columnAmbiguous", SqlState.AMBIGUOUS_COLUMN),
            Map.entry("functionUndefined", SqlState.UNDEFINED_FUNCTION),
            Map.entry("validatorUnknownFunction", SqlState.UNDEFINED_FUNCTION),
            Map.entry("canNotApplyOp2Type", SqlState.UNDEFINED_FUNCTION),
            Map.entry("invalidArgCount", SqlState.UNDEFINED_FUNCTION),
            Map.entry("columnNotNullable", SqlState.NOT_NULL_VIOLATION),
            Map.entry("typeNotAssignable", SqlState.DATATYPE_MISMATCH),
            Map.entry("incompatibleValueType", SqlState.DATATYPE_MISMATCH),
            Map.entry("incompatibleTypesInList", SqlState.DATATYPE_MISMATCH),
            Map.entry("incompatibleTypes", SqlState.DATATYPE_MISMATCH),
            Map.entry("illegalMixingOfTypes", SqlState.DATATYPE_MISMATCH),
            Map.entry("typeNotComparable", SqlState.DATATYPE_MISMATCH),
            Map.entry("typeNotComparableNear", SqlState.DATATYPE_MISMATCH),
            Map.entry("typeNotComparableEachOther", SqlState.DATATYPE_MISMATCH),
            Map.entry("columnTypeMismatchInSetop", SqlState.DATATYPE_MISMATCH),
            Map.entry("unmatchInsertColumn", SqlState.SYNTAX_ERROR),
            Map.entry("notGroupExpr", SqlState.GROUPING_ERROR),
            // PostgreSQL: for SELECT DISTINCT, ORDER BY expressions must appear in select list.
            Map.entry("notSelectDistinctExpr", SqlState.INVALID_COLUMN_REFERENCE),
            // ORDER BY / GROUP BY position n is not in select list.
            Map.entry("orderByOrdinalOutOfRange", SqlState.INVALID_COLUMN_REFERENCE),
            // Argument of WHERE / HAVING must be type boolean.
            Map.entry("condMustBeBoolean", SqlState.DATATYPE_MISMATCH),
            Map.entry("havingMustBeBoolean", SqlState.DATATYPE_MISMATCH),
            // Table name "a" specified more than once.
            Map.entry("fromAliasDuplicate", SqlState.DUPLICATE_ALIAS),
            Map.entry("aggregateIllegalInGroupBy", SqlState.GROUPING_ERROR),
            Map.entry("aggregateIllegalInClause", SqlState.GROUPING_ERROR),
            Map.entry("duplicateTargetColumn", SqlState.DUPLICATE_COLUMN),
            Map.entry("duplicateNameInColumnList", SqlState.DUPLICATE_COLUMN),
            Map.entry("unknownDatatypeName", SqlState.UNDEFINED_OBJECT));

    private static final Field RESOURCE_METHOD = resourceMethodField();

    BasaltValidator(SqlOperatorTable operators, SqlValidatorCatalogReader catalogReader,
                    RelDataTypeFactory typeFactory, Config config) {
        super(operators, catalogReader, typeFactory, config);
    }

    /**
     * Calcite 1.41 lets an INSERT without a column list name fewer values than the table has
     * columns (the rest get defaults, as in PostgreSQL) but then fails with an index error when
     * there are more values than columns; report that as the user error it is.
     */
    @Override
    protected RelDataType getLogicalTargetRowType(RelDataType targetRowType, SqlInsert insert) {
        try {
            return super.getLogicalTargetRowType(targetRowType, insert);
        } catch (IndexOutOfBoundsException e) {
            throw new BasaltException(SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns");
        }
    }

    /**
     * Calcite 1.41 fails with an index error while reporting a type mismatch in an UPDATE's SET
     * list (it looks for the expression in the wrong list); report the mismatch itself.
     */
    @Override
    protected void checkTypeAssignment(SqlValidatorScope sourceScope, SqlValidatorTable table,
                                       RelDataType sourceRowType, RelDataType targetRowType, SqlNode query) {
        try {
            super.checkTypeAssignment(sourceScope, table, sourceRowType, targetRowType, query);
        } catch (IndexOutOfBoundsException e) {
            throw new BasaltException(SqlState.DATATYPE_MISMATCH,
                    "a value assigned to a column does not have the column's type (or one castable to it)");
        }
    }

    @Override
    public CalciteContextException newValidationError(SqlNode node, Resources.ExInst<SqlValidatorException> e) {
        CalciteContextException error = super.newValidationError(node, e);
        return new ValidationException(error, stateOf(e));
    }

    private static SqlState stateOf(Resources.ExInst<SqlValidatorException> e) {
        String resource = resourceName(e);
        return resource == null ? SqlState.SYNTAX_ERROR : STATE_BY_RESOURCE.getOrDefault(resource, SqlState.SYNTAX_ERROR);
    }

    private static String resourceName(Resources.ExInst<?> e) {
        if (RESOURCE_METHOD == null) {
            return null;
        }
        try {
            Method method = (Method) RESOURCE_METHOD.get(e);
            return method == null ? null : method.getName();
        } catch (IllegalAccessException ex) {
            return null;
        }
    }

    /**
     * Calcite keeps the resource method of an error in a protected field; reading it is the only
     * way to know which error it is without parsing its message. If a future Calcite renames the
     * field, every validation error becomes 42601, which is still a truthful class.
     */
    private static Field resourceMethodField() {
        try {
            Field field = Resources.Element.class.getDeclaredField("method");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** A validation error with its SQLState. */
    static final class ValidationException extends CalciteContextException {
        private static final long serialVersionUID = 1L;
        private final SqlState sqlState;

        ValidationException(CalciteContextException original, SqlState sqlState) {
            super(original.getMessage(), original.getCause(), original.getPosLine(), original.getPosColumn(),
                    original.getEndPosLine(), original.getEndPosColumn());
            this.sqlState = sqlState;
        }

        SqlState sqlState() {
            return sqlState;
        }
    }
}
