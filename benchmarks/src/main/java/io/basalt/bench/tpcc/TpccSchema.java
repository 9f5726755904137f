package io.basalt.bench.tpcc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The nine tables of TPC-C (standard specification 5.11, clause 1.3) as portable SQL, with the
 * keys, foreign keys, a unique constraint and a secondary index the workload relies on.
 *
 * <p>Every table that belongs to a warehouse is partitioned by its warehouse id, so the rows a
 * warehouse-local transaction touches share one partition and it commits in one phase. For the
 * same reason the customer-name index is LOCAL (its entries sit beside their rows, and a lookup
 * that names the warehouse reads one partition); the indexes Basalt creates for the unique
 * constraint and the foreign keys are placed beside the rows by themselves. ITEM is
 * read-only and spread by its own key. HISTORY has no key in the specification; it gets a
 * client-generated id after the warehouse and district, which keeps it warehouse-local too.
 *
 * <p>Partitioning and LOCAL are Basalt's words; for H2 and PostgreSQL ({@link SqlDialect}) the same
 * tables, keys, constraints and index are created without them.
 */
public final class TpccSchema {
    public static final List<String> TABLES = List.of("ORDER_LINE", "NEW_ORDER", "HISTORY", "ORDERS", "STOCK",
            "CUSTOMER", "DISTRICT", "ITEM", "WAREHOUSE");

    private static final List<Ddl> DDL = List.of(
            table("CREATE TABLE warehouse (w_id INT NOT NULL, w_name VARCHAR(10), w_street_1 VARCHAR(20),"
                    + " w_street_2 VARCHAR(20), w_city VARCHAR(20), w_state CHAR(2), w_zip CHAR(9),"
                    + " w_tax DECIMAL(4,4), w_ytd DECIMAL(12,2), PRIMARY KEY (w_id))", "w_id"),
            table("CREATE TABLE district (d_w_id INT NOT NULL, d_id INT NOT NULL, d_name VARCHAR(10),"
                    + " d_street_1 VARCHAR(20), d_street_2 VARCHAR(20), d_city VARCHAR(20), d_state CHAR(2),"
                    + " d_zip CHAR(9), d_tax DECIMAL(4,4), d_ytd DECIMAL(12,2), d_next_o_id INT,"
                    + " PRIMARY KEY (d_w_id, d_id), FOREIGN KEY (d_w_id) REFERENCES warehouse (w_id))", "d_w_id"),
            table("CREATE TABLE customer (c_w_id INT NOT NULL, c_d_id INT NOT NULL, c_id INT NOT NULL,"
                    + " c_first VARCHAR(16), c_middle CHAR(2), c_last VARCHAR(16), c_street_1 VARCHAR(20),"
                    + " c_street_2 VARCHAR(20), c_city VARCHAR(20), c_state CHAR(2), c_zip CHAR(9), c_phone CHAR(16),"
                    + " c_since TIMESTAMP, c_credit CHAR(2), c_credit_lim DECIMAL(12,2), c_discount DECIMAL(4,4),"
                    + " c_balance DECIMAL(12,2), c_ytd_payment DECIMAL(12,2), c_payment_cnt INT,"
                    + " c_delivery_cnt INT, c_data VARCHAR(500), PRIMARY KEY (c_w_id, c_d_id, c_id),"
                    + " FOREIGN KEY (c_w_id, c_d_id) REFERENCES district (d_w_id, d_id))", "c_w_id"),
            index("CREATE INDEX customer_name ON customer (c_w_id, c_d_id, c_last, c_first)"),
            table("CREATE TABLE history (h_w_id INT NOT NULL, h_d_id INT NOT NULL, h_id BIGINT NOT NULL,"
                    + " h_c_id INT, h_c_d_id INT, h_c_w_id INT, h_date TIMESTAMP, h_amount DECIMAL(6,2),"
                    + " h_data VARCHAR(24), PRIMARY KEY (h_w_id, h_d_id, h_id),"
                    + " FOREIGN KEY (h_c_w_id, h_c_d_id, h_c_id) REFERENCES customer (c_w_id, c_d_id, c_id),"
                    + " FOREIGN KEY (h_w_id, h_d_id) REFERENCES district (d_w_id, d_id))", "h_w_id"),
            table("CREATE TABLE orders (o_w_id INT NOT NULL, o_d_id INT NOT NULL, o_id INT NOT NULL, o_c_id INT,"
                    + " o_entry_d TIMESTAMP, o_carrier_id INT, o_ol_cnt INT, o_all_local INT,"
                    + " PRIMARY KEY (o_w_id, o_d_id, o_id), UNIQUE (o_w_id, o_d_id, o_c_id, o_id),"
                    + " FOREIGN KEY (o_w_id, o_d_id, o_c_id) REFERENCES customer (c_w_id, c_d_id, c_id))", "o_w_id"),
            table("CREATE TABLE new_order (no_w_id INT NOT NULL, no_d_id INT NOT NULL, no_o_id INT NOT NULL,"
                    + " PRIMARY KEY (no_w_id, no_d_id, no_o_id),"
                    + " FOREIGN KEY (no_w_id, no_d_id, no_o_id) REFERENCES orders (o_w_id, o_d_id, o_id))", "no_w_id"),
            table("CREATE TABLE item (i_id INT NOT NULL, i_im_id INT, i_name VARCHAR(24), i_price DECIMAL(5,2),"
                    + " i_data VARCHAR(50), PRIMARY KEY (i_id))", null),
            table("CREATE TABLE stock (s_w_id INT NOT NULL, s_i_id INT NOT NULL, s_quantity INT,"
                    + " s_dist_01 CHAR(24), s_dist_02 CHAR(24), s_dist_03 CHAR(24), s_dist_04 CHAR(24),"
                    + " s_dist_05 CHAR(24), s_dist_06 CHAR(24), s_dist_07 CHAR(24), s_dist_08 CHAR(24),"
                    + " s_dist_09 CHAR(24), s_dist_10 CHAR(24), s_ytd INT, s_order_cnt INT, s_remote_cnt INT,"
                    + " s_data VARCHAR(50), PRIMARY KEY (s_w_id, s_i_id),"
                    + " FOREIGN KEY (s_w_id) REFERENCES warehouse (w_id), FOREIGN KEY (s_i_id) REFERENCES item (i_id))", "s_w_id"),
            table("CREATE TABLE order_line (ol_w_id INT NOT NULL, ol_d_id INT NOT NULL, ol_o_id INT NOT NULL,"
                    + " ol_number INT NOT NULL, ol_i_id INT, ol_supply_w_id INT, ol_delivery_d TIMESTAMP,"
                    + " ol_quantity INT, ol_amount DECIMAL(6,2), ol_dist_info CHAR(24),"
                    + " PRIMARY KEY (ol_w_id, ol_d_id, ol_o_id, ol_number),"
                    + " FOREIGN KEY (ol_w_id, ol_d_id, ol_o_id) REFERENCES orders (o_w_id, o_d_id, o_id),"
                    + " FOREIGN KEY (ol_supply_w_id, ol_i_id) REFERENCES stock (s_w_id, s_i_id))", "ol_w_id"));

    private TpccSchema() {
    }

    /**
     * One statement and the Basalt-only clause that follows it. Keeping the clause apart (rather
     * than stripping it from the text with a pattern) means the standard DDL is exactly what is
     * written here, minus the suffix.
     */
    private record Ddl(String standard, String basaltSuffix) {
        String text(SqlDialect dialect) {
            return dialect.partitions() && basaltSuffix != null ? standard + basaltSuffix : standard;
        }
    }

    private static Ddl table(String standard, String partitionColumn) {
        return new Ddl(standard, partitionColumn == null ? null : " PARTITION BY HASH (" + partitionColumn + ")");
    }

    /** The customer-name index is LOCAL in Basalt: its entries sit beside their rows (see the class comment). */
    private static Ddl index(String standard) {
        return new Ddl(standard, " LOCAL");
    }

    /** Creates the tables (and the customer-name index) in an empty database, in Basalt's dialect. */
    public static void create(Connection connection) throws SQLException {
        create(connection, SqlDialect.BASALT);
    }

    /** Creates the tables (and the customer-name index) in an empty database. */
    public static void create(Connection connection, SqlDialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : ddl(dialect)) {
                statement.execute(ddl);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit(); // PostgreSQL's DDL is transactional
        }
    }

    /** The statements {@link #create} runs. Other dialects get the same keys and constraints, unpartitioned. */
    static List<String> ddl(SqlDialect dialect) {
        return DDL.stream().map(ddl -> ddl.text(dialect)).toList();
    }

    /** Drops the tables, children first, if they exist. */
    public static void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
