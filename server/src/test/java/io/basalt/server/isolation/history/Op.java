package io.basalt.server.isolation.history;

import java.util.List;

/**
 * One micro-operation of a list-append transaction (Jepsen's Elle): append a value, unique per
 * key, to the list stored under a key; or read the whole list of a key.
 *
 * @param value the appended value (APPEND only)
 * @param read the list as read, empty when the key was absent (READ only)
 */
public record Op(Kind kind, int key, int value, List<Integer> read) {
    public enum Kind { READ, APPEND }

    public static Op append(int key, int value) {
        return new Op(Kind.APPEND, key, value, null);
    }

    public static Op read(int key, List<Integer> values) {
        return new Op(Kind.READ, key, 0, List.copyOf(values));
    }

    public boolean isRead() {
        return kind == Kind.READ;
    }

    @Override
    public String toString() {
        return isRead() ? "r(" + key + ", " + read + ")" : "a(" + key + ", " + value + ")";
    }
}
