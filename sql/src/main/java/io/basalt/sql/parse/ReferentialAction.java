package io.basalt.sql.parse;

/** What a foreign key does when the referenced row is deleted or its key changes (SQL standard). */
public enum ReferentialAction {
    NO_ACTION("NO ACTION"),
    RESTRICT("RESTRICT"),
    CASCADE("CASCADE"),
    SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
