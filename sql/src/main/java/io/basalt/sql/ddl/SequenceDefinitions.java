package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.SequenceDescriptor;
import io.basalt.sql.parse.SequenceOptions;

/**
 * Turns written sequence options into a definition with PostgreSQL's defaults: INCREMENT 1; an
 * ascending sequence runs from MINVALUE 1 to the type's maximum and starts at MINVALUE, a
 * descending one runs from the type's minimum to MAXVALUE -1 and starts at MAXVALUE. CACHE
 * defaults to 32 rather than PostgreSQL's 1: each block of values costs a transaction here.
 * Inconsistent options are 22023.
 */
final class SequenceDefinitions {
    static final int DEFAULT_CACHE = 32;

    private SequenceDefinitions() {
    }

    static SequenceDescriptor define(int id, String name, SequenceOptions options, long typeMin, long typeMax,
                                     String ownedBy) {
        long increment = options.increment != null ? options.increment : 1;
        if (increment == 0) {
            throw invalid("INCREMENT must not be zero");
        }
        long min = options.minValue != null ? options.minValue : increment > 0 ? 1 : typeMin;
        long max = options.maxValue != null ? options.maxValue : increment > 0 ? typeMax : -1;
        if (min < typeMin || max > typeMax) {
            throw invalid("MINVALUE (" + min + ") and MAXVALUE (" + max + ") must lie within the column type");
        }
        if (min >= max) {
            throw invalid("MINVALUE (" + min + ") must be less than MAXVALUE (" + max + ")");
        }
        long start = options.start != null ? options.start : increment > 0 ? min : max;
        if (start < min || start > max) {
            throw invalid("START value (" + start + ") cannot be outside MINVALUE (" + min + ") and MAXVALUE (" + max + ")");
        }
        long cache = options.cache != null ? options.cache : DEFAULT_CACHE;
        if (cache < 1 || cache > Integer.MAX_VALUE) {
            throw invalid("CACHE (" + cache + ") must be between 1 and " + Integer.MAX_VALUE);
        }
        boolean cycle = options.cycle != null && options.cycle;
        return new SequenceDescriptor(id, name, start, increment, min, max, (int) cache, cycle, ownedBy);
    }

    private static BasaltException invalid(String message) {
        return new BasaltException(SqlState.INVALID_PARAMETER_VALUE, message);
    }
}
