package io.basalt.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.basalt.server.testing.TestServer;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.junit.jupiter.api.Test;

/** JDBI over a live server: rows mapped to records, and a transaction callback that commits or rolls back. */
class JdbiTest {
    record Account(int id, String owner, long balance) {
    }

    @Test
    void mapsRowsToRecordsAndRunsTransactionCallbacks() {
        Jdbi jdbi = Jdbi.create(TestServer.freshDatabaseUrl(TestServer.shared()));
        jdbi.registerRowMapper(ConstructorMapper.factory(Account.class));
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE account (id INT PRIMARY KEY, owner VARCHAR(20) NOT NULL, balance BIGINT NOT NULL)");
            var insert = h.prepareBatch("INSERT INTO account (id, owner, balance) VALUES (:id, :owner, :balance)");
            insert.bind("id", 1).bind("owner", "ada").bind("balance", 100L).add();
            insert.bind("id", 2).bind("owner", "bob").bind("balance", 50L).add();
            assertThat(insert.execute()).containsExactly(1, 1);
        });

        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE account SET balance = balance - :n WHERE id = :id").bind("n", 30).bind("id", 1).execute();
            h.createUpdate("UPDATE account SET balance = balance + :n WHERE id = :id").bind("n", 30).bind("id", 2).execute();
        });
        Throwable failed = catchThrowable(() -> jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE account SET balance = 0 WHERE id = 1").execute();
            h.execute("INSERT INTO account VALUES (2, 'dup', 0)"); // 23505: the callback's work is rolled back
        }));
        assertThat(failed).cause().isInstanceOfSatisfying(java.sql.SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("23505"));

        List<Account> accounts = jdbi.withHandle(h -> h.createQuery("SELECT id, owner, balance FROM account ORDER BY id")
                .mapTo(Account.class).list());
        assertThat(accounts).containsExactly(new Account(1, "ada", 70), new Account(2, "bob", 80));
        Account bob = jdbi.withHandle(h -> h.createQuery("SELECT * FROM account WHERE owner = :owner")
                .bind("owner", "bob").mapTo(Account.class).one());
        assertThat(bob.balance()).isEqualTo(80);
    }
}
