package io.basalt.sql.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of the schema. Plans are cached per {@link #version()}: any DDL produces a
 * new snapshot with a higher version, so a stale plan is never reused.
 */
public final class Catalog {
    private final long version;
    private final Map<String, TableDescriptor> tables;

    public Catalog(long version, Collection<TableDescriptor> tables) {
        this.version = version;
        Map<String, TableDescriptor> byName = new TreeMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        this.tables = byName;
    }

    public long version() {
        return version;
    }

    /** The table, or null. */
    public TableDescriptor table(String name) {
        return tables.get(name);
    }

    public TableDescriptor tableById(int id) {
        return tables.values().stream().filter(t -> t.id() == id).findFirst().orElse(null);
    }

    public Collection<TableDescriptor> tables() {
        return tables.values();
    }
}
