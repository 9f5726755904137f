package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.Symbolizable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * PostgreSQL's {@code SHOW name}, {@code SHOW ALL} and {@code SHOW TRANSACTION ISOLATION LEVEL}.
 *
 * <p>ALL is a subject of its own rather than a setting named "ALL", so that {@code SHOW "ALL"}
 * still means a setting of that name.
 */
public final class SqlShow extends SqlCall {
    /** What is shown. */
    public enum Subject implements Symbolizable {
        /** One setting, {@link #name()}. */
        SETTING,
        /** Every setting. */
        ALL,
        /** The current transaction's isolation level (PostgreSQL's {@code transaction_isolation}). */
        TRANSACTION_ISOLATION
    }

    public static final SqlSpecialOperator OPERATOR =
        new SqlSpecialOperator("SHOW", SqlKind.OTHER) {
            @Override
            public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
                    @Nullable SqlNode... operands) {
                final SqlLiteral subject = (SqlLiteral) operands[0];
                return new SqlShow(pos, subject.getValueAs(Subject.class), (SqlIdentifier) operands[1]);
            }
        };

    private final Subject subject;
    private final @Nullable SqlIdentifier name;

    /** {@code name} is required for {@link Subject#SETTING} and must be null otherwise. */
    public SqlShow(SqlParserPos pos, Subject subject, @Nullable SqlIdentifier name) {
        super(pos);
        if ((subject == Subject.SETTING) != (name != null)) {
            throw new IllegalArgumentException("SHOW " + subject + " with name " + name);
        }
        this.subject = subject;
        this.name = name;
    }

    public Subject subject() {
        return subject;
    }

    /** The setting's name for {@link Subject#SETTING}, else null. */
    public @Nullable SqlIdentifier name() {
        return name;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(subject.symbol(pos), name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("SHOW");
        switch (subject) {
            case ALL:
                writer.keyword("ALL");
                break;
            case TRANSACTION_ISOLATION:
                writer.keyword("TRANSACTION ISOLATION LEVEL");
                break;
            default:
                name.unparse(writer, 0, 0);
        }
    }
}
