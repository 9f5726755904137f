package io.basalt.jdbc.wire;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;

/** A frame that breaks the protocol: 08P01, and the connection that sent it is closed. */
public final class ProtocolViolation extends BasaltException {
    private static final long serialVersionUID = 1L;

    public ProtocolViolation(String message) {
        super(SqlState.PROTOCOL_VIOLATION, "protocol violation: " + message);
    }
}
