package io.basalt.sql.session;

import io.basalt.common.auth.ScramVerifier;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;

/**
 * Turns the password of CREATE/ALTER USER into what is stored: a fresh salted verifier, or the
 * statement's own text when it already is one (PostgreSQL's rule), so that a tool can set a password
 * without it ever reaching the server in clear.
 */
final class UserPasswords {
    private UserPasswords() {
    }

    static ScramVerifier verifier(String password) {
        if (ScramVerifier.looksLikeVerifier(password)) {
            return ScramVerifier.parse(password);
        }
        if (password.isEmpty()) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE, "a user's password must not be empty");
        }
        return ScramVerifier.create(password);
    }
}
