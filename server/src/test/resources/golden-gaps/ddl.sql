# DDL that PostgreSQL accepts and Basalt does not, or handles differently.

# Basalt: 42P16, tables need a primary key for now.
statement ok
CREATE TABLE nopk (a INTEGER, b VARCHAR(5))

# Basalt: 42704 type not supported (BYTEA: Basalt has no binary column type yet).
statement ok
CREATE TABLE t_tz (id INTEGER PRIMARY KEY, x TIMESTAMP WITH TIME ZONE)

statement ok
CREATE TABLE t_bytes (id INTEGER PRIMARY KEY, b BYTEA)

# Basalt: 42611, at most 3 fractional digits; PostgreSQL allows 0 to 6. Calcite's generated code
# holds TIME and TIMESTAMP as milliseconds, so microseconds would be cut off silently.
statement ok
CREATE TABLE t_micro (id INTEGER PRIMARY KEY, t TIME(6), ts TIMESTAMP(6))

# Basalt: 42601 for each of these statements.
statement ok
CREATE VIEW v1 AS SELECT id FROM parent

statement ok
CREATE TABLE copy1 AS SELECT id FROM parent

statement ok
CREATE TABLE drop1 (id INTEGER PRIMARY KEY)

statement ok
CREATE TABLE drop2 (id INTEGER PRIMARY KEY)

statement ok
DROP TABLE drop1, drop2
