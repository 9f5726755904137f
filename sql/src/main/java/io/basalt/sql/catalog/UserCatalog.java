package io.basalt.sql.catalog;

import io.basalt.common.auth.ScramVerifier;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.kv.codec.Keys;
import io.basalt.txn.DuplicateKeyException;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionManager;
import io.basalt.txn.TransactionRetryException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * The database's users and their SCRAM verifiers (docs/design/0006-wire-protocol.md, "Users"),
 * stored as catalog rows ({@link CatalogStore#userKey}) so that they commit atomically and reopen
 * with a file database. Users do not change plans, so they do not bump the catalog version.
 *
 * <p>User names are case-insensitive: stored and looked up in lower case, as PostgreSQL folds
 * unquoted names (our parser upper-cases unquoted identifiers, so without this {@code CREATE USER
 * alice} could not log in as {@code alice}).
 *
 * <p>Threading: any thread; every method runs in its own snapshot transaction. Two concurrent
 * creations of one name conflict in the transaction layer: one wins, the other gets 42710.
 */
public final class UserCatalog {
    private static final int MAX_ATTEMPTS = 5;

    private final TransactionManager transactions;

    public UserCatalog(TransactionManager transactions) {
        this.transactions = transactions;
    }

    public static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The user's verifier, or null if there is no such user. */
    public ScramVerifier verifier(String name) {
        byte[] raw = inTransaction(txn -> txn.get(CatalogStore.userKey(normalize(name))));
        return raw == null ? null : ScramVerifier.parse(new String(raw, StandardCharsets.UTF_8));
    }

    public boolean hasUsers() {
        byte[] prefix = CatalogStore.usersPrefix();
        return inTransaction(txn -> txn.scan(prefix, Keys.prefixEnd(prefix)).hasNext());
    }

    /** Returns false if the user existed and {@code ifNotExists}; otherwise an existing user is 42710. */
    public boolean create(String name, ScramVerifier verifier, boolean ifNotExists) {
        String key = normalize(name);
        try {
            return inTransaction(txn -> {
                if (txn.get(CatalogStore.userKey(key)) != null) {
                    if (ifNotExists) {
                        return false;
                    }
                    throw userExists(key);
                }
                txn.insert(CatalogStore.userKey(key), verifier.text().getBytes(StandardCharsets.UTF_8));
                return true;
            });
        } catch (DuplicateKeyException e) {
            throw userExists(key);
        }
    }

    /** Replaces the verifier of an existing user (42704 if there is none). */
    public void changePassword(String name, ScramVerifier verifier) {
        String key = normalize(name);
        inTransaction(txn -> {
            if (txn.get(CatalogStore.userKey(key)) == null) {
                throw undefinedUser(key);
            }
            txn.put(CatalogStore.userKey(key), verifier.text().getBytes(StandardCharsets.UTF_8));
            return null;
        });
    }

    /** Returns false if there was no such user and {@code ifExists}; otherwise a missing user is 42704. */
    public boolean drop(String name, boolean ifExists) {
        String key = normalize(name);
        return inTransaction(txn -> {
            if (txn.get(CatalogStore.userKey(key)) == null) {
                if (ifExists) {
                    return false;
                }
                throw undefinedUser(key);
            }
            txn.delete(CatalogStore.userKey(key));
            return true;
        });
    }

    private <T> T inTransaction(Function<Transaction, T> body) {
        for (int attempt = 1; ; attempt++) {
            Transaction txn = transactions.begin(IsolationLevel.SNAPSHOT);
            try {
                T result = body.apply(txn);
                txn.commit();
                return result;
            } catch (TransactionRetryException e) {
                txn.rollback();
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            } catch (RuntimeException e) {
                txn.rollback();
                throw e;
            }
        }
    }

    private static BasaltException userExists(String name) {
        return new BasaltException(SqlState.DUPLICATE_OBJECT, "role \"" + name + "\" already exists");
    }

    private static BasaltException undefinedUser(String name) {
        return new BasaltException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
    }
}
