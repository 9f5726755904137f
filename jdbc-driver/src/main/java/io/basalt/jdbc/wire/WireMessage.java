package io.basalt.jdbc.wire;

/** A message of either direction: its type byte and how its body is written. */
public interface WireMessage {
    int type();

    void writeBody(WireWriter out);
}
