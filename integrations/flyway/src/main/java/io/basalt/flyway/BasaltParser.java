package io.basalt.flyway;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

/**
 * Splits migration scripts into statements. Basalt's SQL has no procedural blocks or dollar
 * quoting, so Flyway's standard tokenizer (quotes, comments, {@code ;}) is all it needs.
 */
final class BasaltParser extends Parser {
    /** How many tokens Flyway may look ahead; three is what its PostgreSQL-like parsers use. */
    private static final int PEEK_DEPTH = 3;

    BasaltParser(Configuration configuration, ParsingContext parsingContext) {
        super(configuration, parsingContext, PEEK_DEPTH);
    }
}
