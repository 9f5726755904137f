<#--
  Basalt's productions, spliced into Calcite's Parser.jj by FMPP (see ../config.fmpp for which
  list names each entry point). This file is FreeMarker source: a dollar sign followed by a brace
  would be read as an interpolation, so there is none below.

  Positions: Calcite's idiom is to open a Span on the first token of a construct and close it
  with s.end(this) (the last token consumed) or s.end(node). Where a construct may start with
  one of several optional tokens, we start from Span.of() and s.add(this) after each.
-->

/**
 * Parses CREATE TABLE after "CREATE [OR REPLACE]". At most one primary key, inline or as a
 * table element; a second one is rejected here, at its position, rather than by a later check
 * that no longer knows where it was written.
 */
SqlCreate SqlCreateTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final Span elements;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
    boolean hasPrimaryKey = false;
    SqlNodeList partitionBy = null;
    final List<SqlNode> splits = new ArrayList<SqlNode>();
    boolean range = false;
}
{
    <TABLE> {
        if (replace) {
            throw SqlParseErrors.createOrReplaceTable(s.end(this));
        }
    }
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    <LPAREN> { elements = span(); }
    hasPrimaryKey = TableElement(name, columns, constraints, hasPrimaryKey)
    (
        <COMMA> hasPrimaryKey = TableElement(name, columns, constraints, hasPrimaryKey)
    )*
    <RPAREN> { elements.add(this); }
    [
        <PARTITION> <BY>
        (
            <HASH> partitionBy = ParenthesizedSimpleIdentifierList()
        |
            <RANGE> partitionBy = ParenthesizedSimpleIdentifierList() { range = true; }
            <LPAREN> RangeSplit(splits) ( <COMMA> RangeSplit(splits) )* <RPAREN>
        )
    ]
    {
        return new SqlCreateTable(s.end(this), ifNotExists, name,
            new SqlNodeList(columns, elements.pos()),
            new SqlNodeList(constraints, elements.pos()),
            partitionBy, range ? new SqlNodeList(splits, elements.pos()) : null);
    }
}

/** Parses "IF NOT EXISTS" if present; "CREATE TABLE if (...)" still names a table IF. */
boolean IfNotExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

/** Parses "IF EXISTS" if present; "DROP TABLE if" still names a table IF. */
boolean IfExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/**
 * Parses one column or table constraint into the matching list, and returns whether the table
 * now has a primary key.
 */
boolean TableElement(SqlIdentifier table, List<SqlNode> columns, List<SqlNode> constraints,
    boolean hasPrimaryKey) :
{
    final SqlColumnDeclaration column;
    final SqlCall constraint;
    final List<SqlKeyConstraint> keys;
}
{
    (
        column = ColumnDeclaration() {
            columns.add(column);
            keys = column.constraints();
        }
    |
        constraint = TableConstraint() {
            constraints.add(constraint);
            keys = constraint instanceof SqlKeyConstraint
                ? Collections.singletonList((SqlKeyConstraint) constraint)
                : Collections.<SqlKeyConstraint>emptyList();
        }
    )
    {
        // Also catches PRIMARY KEY written twice on one column: the same mistake.
        for (SqlKeyConstraint key : keys) {
            if (key.isPrimaryKey()) {
                if (hasPrimaryKey) {
                    throw SqlParseErrors.duplicatePrimaryKey(key.getParserPosition(), table);
                }
                hasPrimaryKey = true;
            }
        }
        return hasPrimaryKey;
    }
}

/**
 * Parses "name type" and the column's constraints, in any order: NOT NULL, NULL, DEFAULT expr,
 * PRIMARY KEY, UNIQUE, each optionally named by CONSTRAINT (the name is kept for the key
 * constraints, which are the ones an error message or a catalog would refer to).
 */
SqlColumnDeclaration ColumnDeclaration() :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    boolean notNull = false;
    boolean explicitNull = false;
    SqlNode defaultValue = null;
    SqlNode e;
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
    SqlIdentifier constraintName;
    SqlForeignKeyConstraint fk;
    boolean always = false;
    SequenceOptions identityOptions;
    Span cs;
    final Span s;
}
{
    name = SimpleIdentifier() { s = span(); }
    type = DataType()
    (
        {
            constraintName = null;
            cs = Span.of();
        }
        [
            <CONSTRAINT> { cs.add(this); }
            constraintName = SimpleIdentifier()
        ]
        (
            <NOT> { cs.add(this); } <NULL> {
                if (explicitNull) {
                    throw SqlParseErrors.conflictingNullability(cs.end(this), name);
                }
                notNull = true;
            }
        |
            <NULL> {
                cs.add(this);
                if (notNull) {
                    throw SqlParseErrors.conflictingNullability(cs.end(this), name);
                }
                explicitNull = true;
            }
        |
            <DEFAULT_> { cs.add(this); }
            e = Expression(ExprContext.ACCEPT_SUB_QUERY) {
                if (defaultValue != null) {
                    throw SqlParseErrors.duplicateDefault(cs.end(e), name);
                }
                defaultValue = e;
            }
        |
            <PRIMARY> { cs.add(this); } <KEY> {
                constraints.add(
                    new SqlKeyConstraint(SqlKeyConstraint.PRIMARY_KEY, cs.end(this),
                        constraintName, null));
            }
        |
            <UNIQUE> {
                cs.add(this);
                constraints.add(
                    new SqlKeyConstraint(SqlKeyConstraint.UNIQUE, cs.end(this),
                        constraintName, null));
            }
        |
            <REFERENCES> { cs.add(this); }
            fk = References(cs, constraintName, null) { constraints.add(fk); }
        |
            <CHECK> { cs.add(this); }
            <LPAREN> e = Expression(ExprContext.ACCEPT_NON_QUERY) <RPAREN> {
                constraints.add(new SqlCheckConstraint(cs.end(this), constraintName, e));
            }
        |
            <GENERATED> { cs.add(this); }
            (
                <ALWAYS> { always = true; }
            |
                <BY> <DEFAULT_> { always = false; }
            )
            <AS> <IDENTITY> { identityOptions = new SequenceOptions(); }
            [ <LPAREN> SequenceOption(identityOptions) ( SequenceOption(identityOptions) )* <RPAREN> ]
            {
                constraints.add(new SqlIdentitySpec(cs.end(this), always, identityOptions));
            }
        |
            <AUTO_INCREMENT> {
                cs.add(this);
                constraints.add(new SqlIdentitySpec(cs.end(this), false, new SequenceOptions()));
            }
        )
    )*
    {
        return new SqlColumnDeclaration(s.end(this), name, type, notNull, defaultValue,
            new SqlNodeList(constraints, s.pos()));
    }
}

/**
 * Parses a table constraint: "[CONSTRAINT name]" then "PRIMARY KEY (col, ...)", "UNIQUE (col, ...)",
 * "FOREIGN KEY (col, ...) REFERENCES ..." or "CHECK (condition)".
 */
SqlCall TableConstraint() :
{
    final Span s = Span.of();
    SqlIdentifier name = null;
    final SqlNodeList columns;
    final SqlForeignKeyConstraint fk;
    final SqlNode condition;
}
{
    [
        <CONSTRAINT> { s.add(this); }
        name = SimpleIdentifier()
    ]
    (
        <PRIMARY> { s.add(this); } <KEY> columns = ParenthesizedSimpleIdentifierList() {
            return new SqlKeyConstraint(SqlKeyConstraint.PRIMARY_KEY, s.end(columns), name, columns);
        }
    |
        <UNIQUE> { s.add(this); } columns = ParenthesizedSimpleIdentifierList() {
            return new SqlKeyConstraint(SqlKeyConstraint.UNIQUE, s.end(columns), name, columns);
        }
    |
        <FOREIGN> { s.add(this); } <KEY> columns = ParenthesizedSimpleIdentifierList()
        <REFERENCES> fk = References(s, name, columns) {
            return fk;
        }
    |
        <CHECK> { s.add(this); } <LPAREN> condition = Expression(ExprContext.ACCEPT_NON_QUERY) <RPAREN> {
            return new SqlCheckConstraint(s.end(this), name, condition);
        }
    )
}

/**
 * Parses what follows REFERENCES: "parent [(col, ...)]" and the referential actions, in any order:
 * "ON DELETE action", "ON UPDATE action" (NO ACTION when absent).
 */
SqlForeignKeyConstraint References(Span s, SqlIdentifier name, SqlNodeList columns) :
{
    final SqlIdentifier parent;
    SqlNodeList parentColumns = null;
    ReferentialAction onDelete = ReferentialAction.NO_ACTION;
    ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
    ReferentialAction action;
}
{
    parent = CompoundIdentifier()
    [ parentColumns = ParenthesizedSimpleIdentifierList() ]
    (
        <ON>
        (
            <DELETE> action = ReferentialActionSpec() { onDelete = action; }
        |
            <UPDATE> action = ReferentialActionSpec() { onUpdate = action; }
        )
    )*
    {
        return new SqlForeignKeyConstraint(s.end(this), name, columns, parent, parentColumns, onDelete, onUpdate);
    }
}

ReferentialAction ReferentialActionSpec() :
{
}
{
    <CASCADE> { return ReferentialAction.CASCADE; }
|
    <RESTRICT> { return ReferentialAction.RESTRICT; }
|
    <NO> <ACTION> { return ReferentialAction.NO_ACTION; }
|
    <SET>
    (
        <NULL> { return ReferentialAction.SET_NULL; }
    |
        <DEFAULT_> { return ReferentialAction.SET_DEFAULT; }
    )
}

/** One split point of PARTITION BY RANGE: a literal, or a parenthesized row of literals. */
void RangeSplit(List<SqlNode> splits) :
{
    final SqlNode value;
    final SqlNodeList row;
}
{
    (
        value = Literal() { splits.add(value); }
    |
        row = ParenthesizedLiteralList() { splits.add(row); }
    )
}

SqlNodeList ParenthesizedLiteralList() :
{
    final Span s;
    final List<SqlNode> values = new ArrayList<SqlNode>();
    SqlNode value;
}
{
    <LPAREN> { s = span(); }
    value = Literal() { values.add(value); }
    ( <COMMA> value = Literal() { values.add(value); } )*
    <RPAREN> {
        return new SqlNodeList(values, s.end(this));
    }
}

/** Parses DROP TABLE after "DROP". RESTRICT is the default and is not recorded. */
SqlDrop SqlDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
    boolean cascade = false;
}
{
    <TABLE>
    ifExists = IfExistsOpt()
    name = CompoundIdentifier()
    [
        <CASCADE> { cascade = true; }
    |
        <RESTRICT>
    ]
    {
        return new SqlDropTable(s.end(this), ifExists, name, cascade);
    }
}

/**
 * Parses CREATE [UNIQUE] INDEX after "CREATE [OR REPLACE]". The name is optional, as in
 * PostgreSQL ("CREATE INDEX ON t (c)"); ASC is accepted on a column, DESC is refused later.
 */
SqlCreate SqlCreateIndex(Span s, boolean replace) :
{
    boolean unique = false;
    final boolean ifNotExists;
    SqlIdentifier name = null;
    final SqlIdentifier table;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    SqlIdentifier column;
    boolean local = false;
}
{
    [ <UNIQUE> { unique = true; } ]
    <INDEX> {
        if (replace) {
            throw SqlParseErrors.createOrReplaceIndex(s.end(this));
        }
    }
    ifNotExists = IfNotExistsOpt()
    [ name = SimpleIdentifier() ]
    <ON> table = CompoundIdentifier()
    <LPAREN>
    column = SimpleIdentifier() [ <ASC> ] { columns.add(column); }
    (
        <COMMA> column = SimpleIdentifier() [ <ASC> ] { columns.add(column); }
    )*
    <RPAREN>
    [
        <GLOBAL>
    |
        <LOCAL> { local = true; }
    ]
    {
        return new SqlCreateIndex(s.end(this), ifNotExists, unique, name, table,
            new SqlNodeList(columns, s.pos()), local);
    }
}

/** Parses DROP INDEX after "DROP". */
SqlDrop SqlDropIndex(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <INDEX>
    ifExists = IfExistsOpt()
    name = CompoundIdentifier()
    {
        return new SqlDropIndex(s.end(this), ifExists, name);
    }
}

/** Parses CREATE SEQUENCE after "CREATE [OR REPLACE]". */
SqlCreate SqlCreateSequence(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SequenceOptions sequenceOptions = new SequenceOptions();
}
{
    <SEQUENCE> {
        if (replace) {
            throw SqlParseErrors.createOrReplaceIndex(s.end(this));
        }
    }
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    ( SequenceOption(sequenceOptions) )*
    {
        return new SqlCreateSequence(s.end(this), ifNotExists, name, sequenceOptions);
    }
}

/** Parses DROP SEQUENCE after "DROP". */
SqlDrop SqlDropSequence(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <SEQUENCE>
    ifExists = IfExistsOpt()
    name = CompoundIdentifier()
    {
        return new SqlDropSequence(s.end(this), ifExists, name);
    }
}

/** One option of a sequence or identity column, into {@code options}. */
void SequenceOption(SequenceOptions target) :
{
    long n;
}
{
    <START> [ <WITH> ] n = SignedLong() { target.start = n; }
|
    <INCREMENT> [ <BY> ] n = SignedLong() { target.increment = n; }
|
    <MINVALUE> n = SignedLong() { target.minValue = n; }
|
    <MAXVALUE> n = SignedLong() { target.maxValue = n; }
|
    <CACHE> n = SignedLong() { target.cache = n; }
|
    <CYCLE> { target.cycle = true; }
|
    <NO>
    (
        <MINVALUE> { target.minValue = null; }
    |
        <MAXVALUE> { target.maxValue = null; }
    |
        <CYCLE> { target.cycle = false; }
    )
}

/** An integer literal with an optional sign, as a long. */
long SignedLong() :
{
    boolean negative = false;
}
{
    [ <MINUS> { negative = true; } | <PLUS> ]
    <UNSIGNED_INTEGER_LITERAL> {
        try {
            long value = Long.parseLong(token.image);
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw SqlParseErrors.numberOutOfRange(getPos(), token.image);
        }
    }
}

/** Parses PostgreSQL's SERIAL types: integers whose column becomes an identity column. */
SqlTypeNameSpec SerialTypeName() :
{
}
{
    <SERIAL> { return new SqlSerialTypeNameSpec(SqlTypeName.INTEGER, "SERIAL", getPos()); }
|
    <BIGSERIAL> { return new SqlSerialTypeNameSpec(SqlTypeName.BIGINT, "BIGSERIAL", getPos()); }
|
    <SMALLSERIAL> { return new SqlSerialTypeNameSpec(SqlTypeName.SMALLINT, "SMALLSERIAL", getPos()); }
}

/**
 * Parses ALTER TABLE [IF EXISTS] t and one action (see SqlAlterTable): ADD [COLUMN], DROP [COLUMN],
 * ALTER [COLUMN] c SET DEFAULT / DROP DEFAULT / SET NOT NULL / DROP NOT NULL, RENAME [COLUMN] a TO b,
 * RENAME TO u, ADD table-constraint, DROP CONSTRAINT. The words that start a table constraint
 * (CONSTRAINT, PRIMARY, UNIQUE, FOREIGN, CHECK) are reserved, so they never start a column.
 */
SqlNode SqlAlterTable() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier table;
    SqlAlterTable.Action action;
    SqlColumnDeclaration add = null;
    SqlIdentifier column = null;
    SqlNode expression = null;
    SqlIdentifier newName = null;
    SqlCall constraint = null;
    boolean ifClause = false;
    boolean cascade = false;
}
{
    <ALTER> { s = span(); } <TABLE>
    ifExists = IfExistsOpt()
    table = CompoundIdentifier()
    (
        <ADD>
        (
            constraint = TableConstraint() { action = SqlAlterTable.Action.ADD_CONSTRAINT; }
        |
            [ <COLUMN> ]
            [ LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifClause = true; } ]
            add = ColumnDeclaration() { action = SqlAlterTable.Action.ADD_COLUMN; }
        )
    |
        <DROP>
        (
            <CONSTRAINT> { action = SqlAlterTable.Action.DROP_CONSTRAINT; }
        |
            [ <COLUMN> ] { action = SqlAlterTable.Action.DROP_COLUMN; }
        )
        [ LOOKAHEAD(2) <IF> <EXISTS> { ifClause = true; } ]
        column = SimpleIdentifier()
        [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    |
        <ALTER> [ <COLUMN> ] column = SimpleIdentifier()
        (
            <SET>
            (
                <DEFAULT_> expression = Expression(ExprContext.ACCEPT_SUB_QUERY) {
                    action = SqlAlterTable.Action.SET_DEFAULT;
                }
            |
                <NOT> <NULL> { action = SqlAlterTable.Action.SET_NOT_NULL; }
            )
        |
            <DROP>
            (
                <DEFAULT_> { action = SqlAlterTable.Action.DROP_DEFAULT; }
            |
                <NOT> <NULL> { action = SqlAlterTable.Action.DROP_NOT_NULL; }
            )
        )
    |
        <RENAME>
        (
            <TO> newName = SimpleIdentifier() { action = SqlAlterTable.Action.RENAME_TABLE; }
        |
            [ <COLUMN> ] column = SimpleIdentifier() <TO> newName = SimpleIdentifier() {
                action = SqlAlterTable.Action.RENAME_COLUMN;
            }
        )
    )
    {
        return new SqlAlterTable(s.end(this), ifExists, table, action, add, column, expression, newName,
            constraint, ifClause, cascade);
    }
}

/** Parses TRUNCATE [TABLE] name [, ...] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]. */
SqlNode SqlTruncate() :
{
    final Span s;
    final List<SqlNode> tables = new ArrayList<SqlNode>();
    SqlIdentifier table;
    boolean restart = false;
    boolean cascade = false;
}
{
    <TRUNCATE> { s = span(); }
    [ <TABLE> ]
    table = CompoundIdentifier() { tables.add(table); }
    ( <COMMA> table = CompoundIdentifier() { tables.add(table); } )*
    [
        <RESTART> <IDENTITY> { restart = true; }
    |
        <CONTINUE> <IDENTITY>
    ]
    [
        <CASCADE> { cascade = true; }
    |
        <RESTRICT>
    ]
    {
        return new SqlTruncate(s.end(this), new SqlNodeList(tables, s.pos()), restart, cascade);
    }
}

/** Parses PostgreSQL's TEXT, an unbounded VARCHAR. */
SqlTypeNameSpec TextTypeName() :
{
}
{
    <TEXT> {
        return new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, getPos());
    }
}

/** Parses "BEGIN [WORK | TRANSACTION] [modes]" or "START TRANSACTION [modes]". */
SqlNode SqlBeginTransaction() :
{
    final Span s;
    SqlNodeList modes = SqlNodeList.EMPTY;
}
{
    (
        <BEGIN> { s = span(); }
        [ <WORK> | <TRANSACTION> ]
    |
        <START> { s = span(); } <TRANSACTION>
    )
    [ modes = TransactionModeList() ]
    {
        return new SqlBeginTransaction(s.end(this), modes);
    }
}

/** Parses "COMMIT [WORK | TRANSACTION]" or PostgreSQL's "END [WORK | TRANSACTION]". */
SqlNode SqlCommit() :
{
    final Span s;
}
{
    ( <COMMIT> | <END> ) { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    {
        return new SqlCommit(s.end(this));
    }
}

/** Parses "ROLLBACK [WORK | TRANSACTION]" or PostgreSQL's "ABORT [WORK | TRANSACTION]". */
SqlNode SqlRollback() :
{
    final Span s;
}
{
    ( <ROLLBACK> | <ABORT> ) { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    {
        return new SqlRollback(s.end(this));
    }
}

/**
 * Parses every statement that starts with SET: SET TRANSACTION, SET SESSION CHARACTERISTICS AS
 * TRANSACTION, and "SET name {= | TO} {value | DEFAULT}". The last is Calcite's SqlSetOption,
 * extended with PostgreSQL's TO; "SET name TO DEFAULT" is a SqlSetOption without a value, the
 * same node as "RESET name", because PostgreSQL defines the two as equivalent.
 *
 * <p>TRANSACTION and SESSION are non-reserved, so "SET transaction = 1" names an option; the
 * two-token lookaheads tell the forms apart.
 */
SqlNode SqlSetStatement() :
{
    final Span s;
    final SqlNodeList modes;
    final SqlIdentifier name;
    SqlNode value = null;
}
{
    <SET> { s = span(); }
    (
        LOOKAHEAD(2)
        <TRANSACTION> modes = TransactionModeList() {
            return new SqlSetTransaction(s.end(this), false, modes);
        }
    |
        LOOKAHEAD(2)
        <SESSION> <CHARACTERISTICS> <AS> <TRANSACTION> modes = TransactionModeList() {
            return new SqlSetTransaction(s.end(this), true, modes);
        }
    |
        name = CompoundIdentifier()
        ( <EQ> | <TO> )
        (
            <DEFAULT_> {
                return new SqlSetOption(s.end(this), null, name, null);
            }
        |
            value = Literal()
        |
            value = SimpleIdentifier()
        |
            <ON> {
                // OFF is an identifier; ON is reserved.
                value = new SqlIdentifier(token.image.toUpperCase(Locale.ROOT), getPos());
            }
        )
        {
            return new SqlSetOption(s.end(value), null, name, value);
        }
    )
}

/** Parses "SHOW TRANSACTION ISOLATION LEVEL", "SHOW ALL" or "SHOW name". */
SqlNode SqlShow() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <SHOW> { s = span(); }
    (
        LOOKAHEAD(3)
        <TRANSACTION> <ISOLATION> <LEVEL> {
            return new SqlShow(s.end(this), SqlShow.Subject.TRANSACTION_ISOLATION, null);
        }
    |
        <ALL> {
            return new SqlShow(s.end(this), SqlShow.Subject.ALL, null);
        }
    |
        name = CompoundIdentifier() {
            return new SqlShow(s.end(name), SqlShow.Subject.SETTING, name);
        }
    )
}

/**
 * Parses PostgreSQL's "EXPLAIN [ANALYZE] statement", or hands "EXPLAIN PLAN ..." to Calcite's
 * SqlExplain. Both start with EXPLAIN and this production is tried first, so it has to take both.
 */
SqlNode SqlExplainStatement() :
{
    final Span s;
    boolean analyze = false;
    final SqlNode stmt;
}
{
    (
        LOOKAHEAD(2)
        stmt = SqlExplain() {
            return stmt;
        }
    |
        <EXPLAIN> { s = span(); }
        [
            // ANALYZE is non-reserved, so this could also start an expression; it never does here.
            LOOKAHEAD(1)
            <ANALYZE> { analyze = true; }
        ]
        stmt = SqlQueryOrDml() {
            return new SqlExplainStatement(s.end(stmt), stmt, analyze);
        }
    )
}

/**
 * A query, optionally followed by PostgreSQL's row-locking clause:
 * query FOR { UPDATE | SHARE } [ NOWAIT ]. Without the clause the plain query is returned.
 */
SqlNode SqlLockingQuery() :
{
    final SqlNode query;
    final Span s;
    boolean share = false;
    boolean noWait = false;
}
{
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    (
        <FOR> { s = span(); }
        (
            <UPDATE>
        |
            <SHARE> { share = true; }
        )
        [ <NOWAIT> { noWait = true; } ]
        {
            return new SqlLockingQuery(s.end(this), query, share, noWait);
        }
    |
        {
            return query;
        }
    )
}

/** Parses one or more transaction modes, separated by commas or, as PostgreSQL allows, by nothing. */
SqlNodeList TransactionModeList() :
{
    final List<SqlNode> modes = new ArrayList<SqlNode>();
}
{
    AddTransactionMode(modes)
    (
        [ <COMMA> ]
        AddTransactionMode(modes)
    )*
    {
        return new SqlNodeList(modes, Span.of(modes).pos());
    }
}

void AddTransactionMode(List<SqlNode> modes) :
{
    final Span s;
    final TransactionMode mode;
}
{
    (
        <ISOLATION> { s = span(); } <LEVEL>
        (
            <SERIALIZABLE> { mode = TransactionMode.SERIALIZABLE; }
        |
            <REPEATABLE> <READ> { mode = TransactionMode.REPEATABLE_READ; }
        |
            <SNAPSHOT> { mode = TransactionMode.SNAPSHOT; }
        |
            LOOKAHEAD(2)
            <READ> <COMMITTED> { mode = TransactionMode.READ_COMMITTED; }
        |
            <READ> <UNCOMMITTED> { mode = TransactionMode.READ_UNCOMMITTED; }
        )
    |
        LOOKAHEAD(2)
        <READ> { s = span(); } <ONLY> { mode = TransactionMode.READ_ONLY; }
    |
        <READ> { s = span(); } <WRITE> { mode = TransactionMode.READ_WRITE; }
    )
    {
        final TransactionMode conflict =
            TransactionMode.conflicting(TransactionMode.of(modes), mode);
        if (conflict != null) {
            throw SqlParseErrors.conflictingTransactionModes(s.end(this), conflict, mode);
        }
        modes.add(mode.symbol(s.end(this)));
    }
}

/** Parses CREATE USER after "CREATE": [IF NOT EXISTS] name [WITH] PASSWORD 'password' (PostgreSQL). */
SqlCreate SqlCreateUser(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final String password;
}
{
    <USER> {
        if (replace) {
            throw SqlParseErrors.createOrReplaceUser(s.end(this));
        }
    }
    ifNotExists = IfNotExistsOpt()
    name = SimpleIdentifier()
    [ <WITH> ]
    <PASSWORD> password = SimpleStringLiteral()
    {
        return new SqlCreateUser(s.end(this), ifNotExists, name, password);
    }
}

/** Parses DROP USER after "DROP": [IF EXISTS] name. */
SqlDrop SqlDropUser(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <USER>
    ifExists = IfExistsOpt()
    name = SimpleIdentifier()
    {
        return new SqlDropUser(s.end(this), ifExists, name);
    }
}

/** Parses ALTER USER name [WITH] PASSWORD 'password' (PostgreSQL). */
SqlNode SqlAlterUser() :
{
    final Span s;
    final SqlIdentifier name;
    final String password;
}
{
    <ALTER> { s = span(); } <USER>
    name = SimpleIdentifier()
    [ <WITH> ]
    <PASSWORD> password = SimpleStringLiteral()
    {
        return new SqlAlterUser(s.end(this), name, password);
    }
}
