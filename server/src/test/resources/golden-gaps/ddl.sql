# DDL that PostgreSQL accepts and Basalt does not, or handles differently.

# Basalt: 42P16, tables need a primary key for now.
statement ok
CREATE TABLE nopk (a INTEGER, b VARCHAR(5))

# Basalt: 42704 type not supported.
statement ok
CREATE TABLE t_tz (id INTEGER PRIMARY KEY, x TIMESTAMP WITH TIME ZONE)

statement ok
CREATE TABLE t_bytes (id INTEGER PRIMARY KEY, b BYTEA)

statement ok
CREATE TABLE t_aliases (id INT4 PRIMARY KEY, b INT8, s INT2, f FLOAT8, r FLOAT4, ok BOOL)

# Basalt: 42611, at most 3 fractional digits; PostgreSQL allows 0 to 6.
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

# Basalt: 22001 already at CREATE TABLE. PostgreSQL checks a default's length when it is used.
statement ok
CREATE TABLE d2 (id INTEGER PRIMARY KEY, s VARCHAR(3) DEFAULT 'toolong')

statement error 22001
INSERT INTO d2 (id) VALUES (1)

# Basalt: 42611 (invalid column definition); PostgreSQL: 22023 invalid parameter value.
statement error 22023
CREATE TABLE zero_length (id INTEGER PRIMARY KEY, s VARCHAR(0))
