package io.basalt.sql.session;

import java.util.Locale;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.exec.RowCodec;
import io.basalt.sql.plan.ValidationStates;
import io.basalt.txn.DuplicateKeyException;
import java.time.format.DateTimeParseException;
import org.apache.calcite.runtime.CalciteContextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where everything a statement can throw becomes a {@link BasaltException} with the
 * right SQLState (STYLE.md section 5: convert once, at the edge). Exceptions are classified by
 * type; only the JDK's {@link ArithmeticException} has to be told apart by message, because the
 * JDK uses the one type for division by zero and for overflow. Anything unexpected is an internal
 * error (XX000), logged here once with its stack trace.
 */
final class ErrorTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslator.class);

    private ErrorTranslator() {
    }

    static BasaltException translate(Throwable error, Catalog catalog) {
        Throwable cause = rootOfInterest(error);
        if (cause instanceof DuplicateKeyException duplicate) {
            return duplicateKey(duplicate, catalog);
        }
        if (cause instanceof BasaltException basalt) {
            return basalt;
        }
        if (cause instanceof CalciteContextException context) {
            SqlState state = ValidationStates.of(context);
            String detail = context.getCause() == null ? context.getMessage() : context.getCause().getMessage();
            return new BasaltException(state, detail + " (line " + context.getPosLine() + ", column "
                    + context.getPosColumn() + ")", context);
        }
        if (cause instanceof ArithmeticException arithmetic) {
            String message = String.valueOf(arithmetic.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zero") || message.contains("division undefined")) {
                return new BasaltException(SqlState.DIVISION_BY_ZERO, "division by zero", arithmetic);
            }
            return new BasaltException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value out of range: "
                    + arithmetic.getMessage(), arithmetic);
        }
        if (cause instanceof NumberFormatException number) {
            return new BasaltException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for a number: " + number.getMessage(), number);
        }
        if (cause instanceof DateTimeParseException dateTime) {
            return new BasaltException(SqlState.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for a date or time: " + dateTime.getParsedString(), dateTime);
        }
        if (cause instanceof IllegalArgumentException illegal && fromCalciteDateParsing(illegal)) {
            return new BasaltException(SqlState.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for a date or time: " + illegal.getMessage(), illegal);
        }
        LOG.error("Internal error while executing a statement", error);
        return BasaltException.internal("internal error: " + error, error);
    }

    /** The first exception in the cause chain that says more than "something failed inside". */
    private static Throwable rootOfInterest(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (current instanceof BasaltException || current instanceof CalciteContextException
                    || current instanceof ArithmeticException || current instanceof NumberFormatException
                    || current instanceof DateTimeParseException
                    || current instanceof IllegalArgumentException illegal && fromCalciteDateParsing(illegal)) {
                return current;
            }
            current = current.getCause();
        }
        return error;
    }

    /**
     * Calcite's generated code parses date and time text with Avatica's {@code DateTimeUtils},
     * which signals bad text with a plain IllegalArgumentException; the throwing class tells it
     * apart from a bug of ours.
     */
    private static boolean fromCalciteDateParsing(IllegalArgumentException error) {
        StackTraceElement[] trace = error.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().equals("org.apache.calcite.avatica.util.DateTimeUtils");
    }

    private static BasaltException duplicateKey(DuplicateKeyException duplicate, Catalog catalog) {
        int id = RowCodec.tableIdOf(duplicate.key());
        TableDescriptor table = catalog.tableById(id);
        IndexDescriptor index = table == null ? catalog.indexById(id) : null;
        String constraint = table != null ? table.primaryKeyName() : index != null ? index.name() : "unique index";
        return new BasaltException(SqlState.UNIQUE_VIOLATION,
                "duplicate key value violates unique constraint \"" + constraint + "\"", duplicate);
    }
}
