package io.basalt.common.error;

/**
 * The SQLStates Basalt reports: PostgreSQL's codes, so that pools, ORMs and tools already know
 * what to do with them (STYLE.md section 5, ARCHITECTURE.md section 7).
 *
 * <p>Class 08 means only that the client's own connection is dead: HikariCP evicts a pooled
 * connection on any 08xxx, so an internal node-to-node failure must use class 58 instead.
 */
public enum SqlState {
    SUCCESSFUL_COMPLETION("00000"),
    /** pgjdbc's code for a statement that returned rows where only an update count was expected. */
    RESULT_RETURNED_WHEN_NONE_EXPECTED("0100E"),
    CONNECTION_DOES_NOT_EXIST("08003"),
    CONNECTION_FAILURE("08006"),
    SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION("08001"),
    PROTOCOL_VIOLATION("08P01"),
    FEATURE_NOT_SUPPORTED("0A000"),
    /** A scalar subquery returned more than one row. */
    CARDINALITY_VIOLATION("21000"),
    STRING_DATA_RIGHT_TRUNCATION("22001"),
    NUMERIC_VALUE_OUT_OF_RANGE("22003"),
    INVALID_DATETIME_FORMAT("22007"),
    DATETIME_FIELD_OVERFLOW("22008"),
    DIVISION_BY_ZERO("22012"),
    SUBSTRING_ERROR("22011"),
    INVALID_ESCAPE_SEQUENCE("22025"),
    INVALID_ARGUMENT_FOR_LOGARITHM("2201E"),
    INVALID_ARGUMENT_FOR_POWER_FUNCTION("2201F"),
    INVALID_PARAMETER_VALUE("22023"),
    SEQUENCE_GENERATOR_LIMIT_EXCEEDED("2200H"),
    INVALID_TEXT_REPRESENTATION("22P02"),
    DATA_EXCEPTION("22000"),
    NOT_NULL_VIOLATION("23502"),
    FOREIGN_KEY_VIOLATION("23503"),
    UNIQUE_VIOLATION("23505"),
    CHECK_VIOLATION("23514"),
    DEPENDENT_OBJECTS_STILL_EXIST("2BP01"),
    GENERATED_ALWAYS("428C9"),
    INVALID_TRANSACTION_STATE("25000"),
    ACTIVE_SQL_TRANSACTION("25001"),
    NO_ACTIVE_SQL_TRANSACTION("25P01"),
    IN_FAILED_SQL_TRANSACTION("25P02"),
    /** The server closed a connection left idle inside a transaction (PostgreSQL's idle_in_transaction_session_timeout). */
    IDLE_IN_TRANSACTION_SESSION_TIMEOUT("25P03"),
    READ_ONLY_SQL_TRANSACTION("25006"),
    /** An unknown prepared-statement id on the wire. */
    INVALID_SQL_STATEMENT_NAME("26000"),
    INVALID_AUTHORIZATION_SPECIFICATION("28000"),
    INVALID_PASSWORD("28P01"),
    /** An unknown cursor id on the wire. */
    INVALID_CURSOR_NAME("34000"),
    /** The server has no database of the requested name. */
    INVALID_CATALOG_NAME("3D000"),
    SERIALIZATION_FAILURE("40001"),
    STATEMENT_COMPLETION_UNKNOWN("40003"),
    DEADLOCK_DETECTED("40P01"),
    SYNTAX_ERROR("42601"),
    INSUFFICIENT_PRIVILEGE("42501"),
    UNDEFINED_COLUMN("42703"),
    UNDEFINED_FUNCTION("42883"),
    UNDEFINED_TABLE("42P01"),
    UNDEFINED_OBJECT("42704"),
    DUPLICATE_TABLE("42P07"),
    DUPLICATE_COLUMN("42701"),
    DUPLICATE_OBJECT("42710"),
    DUPLICATE_ALIAS("42712"),
    DATATYPE_MISMATCH("42804"),
    /** The object exists but is not the kind the statement needs, e.g. a write to a read-only system table. */
    WRONG_OBJECT_TYPE("42809"),
    INVALID_TABLE_DEFINITION("42P16"),
    INVALID_COLUMN_DEFINITION("42611"),
    INVALID_FOREIGN_KEY("42830"),
    INVALID_OBJECT_DEFINITION("42P17"),
    AMBIGUOUS_COLUMN("42702"),
    INVALID_COLUMN_REFERENCE("42P10"),
    GROUPING_ERROR("42803"),
    INVALID_NAME("42602"),
    PROGRAM_LIMIT_EXCEEDED("54000"),
    /** The server's connection limit is reached. */
    TOO_MANY_CONNECTIONS("53300"),
    LOCK_NOT_AVAILABLE("55P03"),
    OBJECT_NOT_IN_PREREQUISITE_STATE("55000"),
    QUERY_CANCELED("57014"),
    ADMIN_SHUTDOWN("57P01"),
    /** The server closed a connection left idle outside a transaction (PostgreSQL's idle_session_timeout). */
    IDLE_SESSION_TIMEOUT("57P05"),
    SYSTEM_ERROR("58000"),
    IO_ERROR("58030"),
    /** A partition is unavailable or a node-to-node call failed; retry later (CockroachDB's 58C00). */
    RANGE_UNAVAILABLE("58C00"),
    INTERNAL_ERROR("XX000");

    private final String code;

    SqlState(String code) {
        this.code = code;
    }

    /** The five-character SQLState. */
    public String code() {
        return code;
    }

    /** The two-character class, for example {@code "23"} for integrity violations. */
    public String sqlClass() {
        return code.substring(0, 2);
    }

    /** Whether a client should retry the whole transaction (40001, 40P01). */
    public boolean isRetryableTransactionFailure() {
        return this == SERIALIZATION_FAILURE || this == DEADLOCK_DETECTED;
    }

    public static SqlState fromCode(String code) {
        for (SqlState state : values()) {
            if (state.code.equals(code)) {
                return state;
            }
        }
        return INTERNAL_ERROR;
    }
}
