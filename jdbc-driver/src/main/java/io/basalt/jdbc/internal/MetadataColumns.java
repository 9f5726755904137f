package io.basalt.jdbc.internal;

import static java.sql.Types.BIGINT;
import static java.sql.Types.BOOLEAN;
import static java.sql.Types.INTEGER;
import static java.sql.Types.SMALLINT;

import io.basalt.common.client.ColumnMetadata;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of every DatabaseMetaData result set, with the labels and types its javadoc gives
 * (Java SE 17). Tools read these columns by label, and some by type ({@code getShort("KEY_SEQ")}),
 * so they must not drift: compare with the javadoc before changing one.
 */
final class MetadataColumns {
    static final List<ColumnMetadata> TABLE_TYPES = columns("TABLE_TYPE");
    static final List<ColumnMetadata> CATALOGS = columns("TABLE_CAT");
    static final List<ColumnMetadata> SCHEMAS = columns("TABLE_SCHEM", "TABLE_CATALOG");
    static final List<ColumnMetadata> TABLES = columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE",
            "REMARKS", "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
    static final List<ColumnMetadata> COLUMNS = columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "DATA_TYPE", INTEGER, "TYPE_NAME", "COLUMN_SIZE", INTEGER, "BUFFER_LENGTH", INTEGER,
            "DECIMAL_DIGITS", INTEGER, "NUM_PREC_RADIX", INTEGER, "NULLABLE", INTEGER, "REMARKS", "COLUMN_DEF",
            "SQL_DATA_TYPE", INTEGER, "SQL_DATETIME_SUB", INTEGER, "CHAR_OCTET_LENGTH", INTEGER,
            "ORDINAL_POSITION", INTEGER, "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE",
            "SOURCE_DATA_TYPE", SMALLINT, "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
    static final List<ColumnMetadata> PRIMARY_KEYS = columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "KEY_SEQ", SMALLINT, "PK_NAME");
    static final List<ColumnMetadata> INDEX_INFO = columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
            "NON_UNIQUE", BOOLEAN, "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", SMALLINT, "ORDINAL_POSITION", SMALLINT,
            "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", BIGINT, "PAGES", BIGINT, "FILTER_CONDITION");
    /** getImportedKeys, getExportedKeys and getCrossReference. */
    static final List<ColumnMetadata> KEYS = columns("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
            "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", SMALLINT,
            "UPDATE_RULE", SMALLINT, "DELETE_RULE", SMALLINT, "FK_NAME", "PK_NAME", "DEFERRABILITY", SMALLINT);
    static final List<ColumnMetadata> BEST_ROW_IDENTIFIER = columns("SCOPE", SMALLINT, "COLUMN_NAME",
            "DATA_TYPE", INTEGER, "TYPE_NAME", "COLUMN_SIZE", INTEGER, "BUFFER_LENGTH", INTEGER,
            "DECIMAL_DIGITS", SMALLINT, "PSEUDO_COLUMN", SMALLINT);
    static final List<ColumnMetadata> VERSION_COLUMNS = columns("SCOPE", SMALLINT, "COLUMN_NAME",
            "DATA_TYPE", INTEGER, "TYPE_NAME", "COLUMN_SIZE", INTEGER, "BUFFER_LENGTH", INTEGER,
            "DECIMAL_DIGITS", SMALLINT, "PSEUDO_COLUMN", SMALLINT);
    static final List<ColumnMetadata> TYPE_INFO = columns("TYPE_NAME", "DATA_TYPE", INTEGER, "PRECISION", INTEGER,
            "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE", SMALLINT, "CASE_SENSITIVE", BOOLEAN,
            "SEARCHABLE", SMALLINT, "UNSIGNED_ATTRIBUTE", BOOLEAN, "FIXED_PREC_SCALE", BOOLEAN,
            "AUTO_INCREMENT", BOOLEAN, "LOCAL_TYPE_NAME", "MINIMUM_SCALE", SMALLINT, "MAXIMUM_SCALE", SMALLINT,
            "SQL_DATA_TYPE", INTEGER, "SQL_DATETIME_SUB", INTEGER, "NUM_PREC_RADIX", INTEGER);
    /** The javadoc leaves the three reserved columns unnamed; these are pgjdbc's and H2's names. */
    static final List<ColumnMetadata> PROCEDURES = columns("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME",
            "RESERVED1", "RESERVED2", "RESERVED3", "REMARKS", "PROCEDURE_TYPE", SMALLINT, "SPECIFIC_NAME");
    static final List<ColumnMetadata> PROCEDURE_COLUMNS = columns("PROCEDURE_CAT", "PROCEDURE_SCHEM",
            "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE", SMALLINT, "DATA_TYPE", INTEGER, "TYPE_NAME",
            "PRECISION", INTEGER, "LENGTH", INTEGER, "SCALE", SMALLINT, "RADIX", SMALLINT, "NULLABLE", SMALLINT,
            "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE", INTEGER, "SQL_DATETIME_SUB", INTEGER,
            "CHAR_OCTET_LENGTH", INTEGER, "ORDINAL_POSITION", INTEGER, "IS_NULLABLE", "SPECIFIC_NAME");
    static final List<ColumnMetadata> FUNCTIONS = columns("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME",
            "REMARKS", "FUNCTION_TYPE", SMALLINT, "SPECIFIC_NAME");
    static final List<ColumnMetadata> FUNCTION_COLUMNS = columns("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME",
            "COLUMN_NAME", "COLUMN_TYPE", SMALLINT, "DATA_TYPE", INTEGER, "TYPE_NAME", "PRECISION", INTEGER,
            "LENGTH", INTEGER, "SCALE", SMALLINT, "RADIX", SMALLINT, "NULLABLE", SMALLINT, "REMARKS",
            "CHAR_OCTET_LENGTH", INTEGER, "ORDINAL_POSITION", INTEGER, "IS_NULLABLE", "SPECIFIC_NAME");
    static final List<ColumnMetadata> UDTS = columns("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME",
            "DATA_TYPE", INTEGER, "REMARKS", "BASE_TYPE", SMALLINT);
    static final List<ColumnMetadata> SUPER_TYPES = columns("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME",
            "SUPERTYPE_CAT", "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");
    static final List<ColumnMetadata> SUPER_TABLES = columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
            "SUPERTABLE_NAME");
    static final List<ColumnMetadata> ATTRIBUTES = columns("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME",
            "DATA_TYPE", INTEGER, "ATTR_TYPE_NAME", "ATTR_SIZE", INTEGER, "DECIMAL_DIGITS", INTEGER,
            "NUM_PREC_RADIX", INTEGER, "NULLABLE", INTEGER, "REMARKS", "ATTR_DEF", "SQL_DATA_TYPE", INTEGER,
            "SQL_DATETIME_SUB", INTEGER, "CHAR_OCTET_LENGTH", INTEGER, "ORDINAL_POSITION", INTEGER, "IS_NULLABLE",
            "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE", SMALLINT);
    static final List<ColumnMetadata> PSEUDO_COLUMNS = columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
            "COLUMN_NAME", "DATA_TYPE", INTEGER, "COLUMN_SIZE", INTEGER, "DECIMAL_DIGITS", INTEGER,
            "NUM_PREC_RADIX", INTEGER, "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH", INTEGER, "IS_NULLABLE");
    static final List<ColumnMetadata> CLIENT_INFO_PROPERTIES = columns("NAME", "MAX_LEN", INTEGER, "DEFAULT_VALUE",
            "DESCRIPTION");
    static final List<ColumnMetadata> COLUMN_PRIVILEGES = columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
            "COLUMN_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
    static final List<ColumnMetadata> TABLE_PRIVILEGES = columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
            "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");

    private MetadataColumns() {
    }

    /** Labels in order, each followed by its {@link Types} constant unless it is VARCHAR. */
    private static List<ColumnMetadata> columns(Object... labelsAndTypes) {
        List<ColumnMetadata> columns = new ArrayList<>();
        for (int i = 0; i < labelsAndTypes.length; i++) {
            String label = (String) labelsAndTypes[i];
            int type = Types.VARCHAR;
            if (i + 1 < labelsAndTypes.length && labelsAndTypes[i + 1] instanceof Integer jdbcType) {
                type = jdbcType;
                i++;
            }
            columns.add(ListRowCursor.column(label, type));
        }
        return List.copyOf(columns);
    }
}
