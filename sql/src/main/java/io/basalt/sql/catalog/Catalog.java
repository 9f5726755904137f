package io.basalt.sql.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of the schema. Plans are cached per {@link #version()}: any DDL produces a
 * new snapshot with a higher version, so a stale plan is never reused.
 */
public final class Catalog {
    private final long version;
    private final Map<String, TableDescriptor> tables;
    private final Map<String, SequenceDescriptor> sequences;
    /** Derived once per snapshot: every DML statement looks tables up by id and their references. */
    private final Map<Integer, TableDescriptor> tablesById = new HashMap<>();
    private final Map<Integer, List<Reference>> referencesByParent = new HashMap<>();

    public Catalog(long version, Collection<TableDescriptor> tables) {
        this(version, tables, List.of());
    }

    public Catalog(long version, Collection<TableDescriptor> tables, Collection<SequenceDescriptor> sequences) {
        this.version = version;
        Map<String, TableDescriptor> byName = new TreeMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        this.tables = byName;
        Map<String, SequenceDescriptor> sequencesByName = new TreeMap<>();
        sequences.forEach(s -> sequencesByName.put(s.name(), s));
        this.sequences = sequencesByName;
        for (TableDescriptor table : byName.values()) {
            tablesById.put(table.id(), table);
            for (ForeignKeyDescriptor fk : table.foreignKeys()) {
                referencesByParent.computeIfAbsent(fk.parentTableId(), id -> new ArrayList<>()).add(new Reference(table, fk));
            }
        }
        referencesByParent.replaceAll((id, references) -> List.copyOf(references));
    }

    /** The sequence, or null. */
    public SequenceDescriptor sequence(String name) {
        return sequences.get(name);
    }

    public Collection<SequenceDescriptor> sequences() {
        return sequences.values();
    }

    /** Whether {@code name} is taken by a table, an index or a sequence (they share one namespace, as in PostgreSQL). */
    public boolean relationExists(String name) {
        return tables.containsKey(name) || sequences.containsKey(name) || tableOfIndex(name) != null;
    }

    public long version() {
        return version;
    }

    /** The table, or null. */
    public TableDescriptor table(String name) {
        return tables.get(name);
    }

    public TableDescriptor tableById(int id) {
        return tablesById.get(id);
    }

    /** The table that has the index named {@code indexName}, or null. Index names share the tables' namespace. */
    public TableDescriptor tableOfIndex(String indexName) {
        for (TableDescriptor table : tables.values()) {
            if (table.index(indexName) != null) {
                return table;
            }
        }
        return null;
    }

    /** The index with this id, or null. */
    public IndexDescriptor indexById(int id) {
        for (TableDescriptor table : tables.values()) {
            for (IndexDescriptor index : table.indexes()) {
                if (index.id() == id) {
                    return index;
                }
            }
        }
        return null;
    }

    /** A foreign key and the table that has it. */
    public record Reference(TableDescriptor child, ForeignKeyDescriptor foreignKey) {
    }

    /** The foreign keys that reference table {@code parentTableId} (its own included), with their tables. */
    public List<Reference> referencing(int parentTableId) {
        return referencesByParent.getOrDefault(parentTableId, List.of());
    }

    public Collection<TableDescriptor> tables() {
        return tables.values();
    }
}
