# CREATE TABLE and DROP TABLE: column types, keys, NOT NULL, DEFAULT, hash partitioning.

statement ok
CREATE TABLE every_type (
  id INTEGER PRIMARY KEY,
  i INT,
  b BIGINT,
  s SMALLINT,
  d DECIMAL(10, 3),
  n NUMERIC(6, 2),
  f DOUBLE PRECISION,
  r REAL,
  fl FLOAT,
  v VARCHAR(20),
  c CHAR(4),
  bo BOOLEAN,
  dt DATE,
  tm TIME,
  ts TIMESTAMP)

statement count 1
INSERT INTO every_type VALUES (1, -7, 9000000000, 32767, 1234567.891, 12.5, 2.5, 0.25, 1.5,
  'hello', 'ab', TRUE, DATE '2024-02-29', TIME '23:59:58', TIMESTAMP '2024-02-29 13:14:15')

query IIIIRRRRRTTBDDD
SELECT * FROM every_type
----
1 -7 9000000000 32767 1234567.891 12.50 2.5 0.25 1.5 hello 'ab  ' true 2024-02-29 23:59:58 2024-02-29T13:14:15

statement count 1
INSERT INTO every_type (id) VALUES (2)

query IIIIRRRRRTTBDDD
SELECT * FROM every_type WHERE id = 2
----
2 NULL NULL NULL NULL NULL NULL NULL NULL NULL NULL NULL NULL NULL NULL

# A table name is taken until it is dropped.
statement error 42P07
CREATE TABLE every_type (id INTEGER PRIMARY KEY)

statement ok
CREATE TABLE IF NOT EXISTS every_type (other INTEGER PRIMARY KEY)

query I
SELECT COUNT(*) FROM every_type
----
2

statement ok
DROP TABLE every_type

query error 42P01
SELECT * FROM every_type

statement error 42P01
DROP TABLE every_type

statement ok
DROP TABLE IF EXISTS every_type

# A table created again under a dropped name starts empty, with its new columns.
statement ok
CREATE TABLE every_type (id INTEGER PRIMARY KEY, label VARCHAR(5))

query IT
SELECT id, label FROM every_type
----

# Composite primary key: the pair is unique, each part alone is not.
statement ok
CREATE TABLE pairs (a INTEGER, b VARCHAR(5), note VARCHAR(10), PRIMARY KEY (a, b))

statement count 3
INSERT INTO pairs VALUES (1, 'x', 'first'), (1, 'y', 'second'), (2, 'x', 'third')

statement error 23505
INSERT INTO pairs VALUES (1, 'y', 'again')

query ITT
SELECT a, b, note FROM pairs ORDER BY a, b
----
1 x first
1 y second
2 x third

# Primary-key columns are NOT NULL without saying so.
statement error 23502
INSERT INTO pairs VALUES (NULL, 'z', 'no a')

statement error 23502
INSERT INTO pairs (a, note) VALUES (3, 'no b')

statement error 23502
INSERT INTO every_type (label) VALUES ('x')

# NOT NULL and DEFAULT.
statement ok
CREATE TABLE defaults (
  id INTEGER PRIMARY KEY,
  name VARCHAR(10) NOT NULL,
  qty INTEGER DEFAULT 5,
  status VARCHAR(8) DEFAULT 'new' NOT NULL,
  price DECIMAL(6, 2) DEFAULT 9.99,
  active BOOLEAN DEFAULT TRUE,
  created DATE DEFAULT DATE '2000-01-01')

statement count 1
INSERT INTO defaults (id, name) VALUES (1, 'one')

# An explicit NULL is not replaced by the default.
statement count 1
INSERT INTO defaults (id, name, qty, price, active, created) VALUES (2, 'two', NULL, NULL, NULL, NULL)

statement count 1
INSERT INTO defaults VALUES (3, 'three', DEFAULT, DEFAULT, 1.50, FALSE, DEFAULT)

query ITITRBD
SELECT * FROM defaults ORDER BY id
----
1 one 5 new 9.99 true 2000-01-01
2 two NULL new NULL NULL NULL
3 three 5 new 1.50 false 2000-01-01

statement error 23502
INSERT INTO defaults (id) VALUES (4)

statement error 23502
INSERT INTO defaults (id, name, status) VALUES (4, 'four', NULL)

statement error 23502
UPDATE defaults SET name = NULL WHERE id = 1

# A constant default must be a value of the column's type.
statement error 22P02
CREATE TABLE bad_default (id INTEGER PRIMARY KEY, v INTEGER DEFAULT 'abc')

# Hash partitioning on a key prefix changes where rows live, not what queries return.
statement ok
CREATE TABLE lines (cust INTEGER, ord INTEGER, line INTEGER, qty INTEGER NOT NULL,
  PRIMARY KEY (cust, ord, line)) PARTITION BY HASH (cust)

statement count 6
INSERT INTO lines VALUES (1, 1, 1, 10), (1, 1, 2, 20), (1, 2, 1, 5), (2, 1, 1, 7), (3, 9, 1, 1), (3, 9, 2, 2)

query IIII
SELECT cust, ord, line, qty FROM lines WHERE cust = 1 ORDER BY ord, line
----
1 1 1 10
1 1 2 20
1 2 1 5

query II
SELECT cust, SUM(qty) FROM lines GROUP BY cust ORDER BY cust
----
1 35
2 7
3 3

statement error 23505
INSERT INTO lines VALUES (3, 9, 2, 99)

statement ok
CREATE TABLE by_key (id INTEGER PRIMARY KEY, v INTEGER) PARTITION BY HASH (id)

statement count 3
INSERT INTO by_key VALUES (10, 1), (20, 2), (30, 3)

query II
SELECT id, v FROM by_key WHERE id BETWEEN 15 AND 30 ORDER BY id
----
20 2
30 3

# Identity columns, constraints, indexes, ALTER TABLE, TRUNCATE and sequences (once gaps).
statement ok
CREATE TABLE t_serial (id SERIAL PRIMARY KEY, v INTEGER)

statement ok
CREATE TABLE t_ident (id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v INTEGER)

statement ok
CREATE TABLE t_unique (id INTEGER PRIMARY KEY, email VARCHAR(20) UNIQUE)

statement ok
CREATE TABLE t_check (id INTEGER PRIMARY KEY, qty INTEGER CHECK (qty > 0))

statement ok
CREATE TABLE parent (id INTEGER PRIMARY KEY)

statement ok
CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id))

statement ok
CREATE INDEX parent_idx ON parent (id)

statement ok
ALTER TABLE parent ADD COLUMN name VARCHAR(10)

# PostgreSQL: cannot truncate a table referenced in a foreign key constraint.
statement error 0A000
TRUNCATE TABLE parent

statement ok
TRUNCATE TABLE child, parent

statement ok
CREATE SEQUENCE seq1

# PostgreSQL's internal type names.
statement ok
CREATE TABLE t_aliases (id INT4 PRIMARY KEY, b INT8, s INT2, f FLOAT8, r FLOAT4, ok BOOL)

statement count 1
INSERT INTO t_aliases VALUES (2147483647, 9223372036854775807, 32767, 0.1, 0.5, TRUE)

statement error 22003
INSERT INTO t_aliases (id, s) VALUES (1, 32768)

query IIIRRB
SELECT id, b, s, f, r, ok FROM t_aliases
----
2147483647 9223372036854775807 32767 0.1 0.5 true

# PostgreSQL checks a text default's length when it is used, not at CREATE TABLE.
statement ok
CREATE TABLE d2 (id INTEGER PRIMARY KEY, s VARCHAR(3) DEFAULT 'toolong')

statement error 22001
INSERT INTO d2 (id) VALUES (1)

statement count 1
INSERT INTO d2 VALUES (1, 'ok')

statement error 22023
CREATE TABLE zero_length (id INTEGER PRIMARY KEY, s VARCHAR(0))

statement error 22023
CREATE TABLE zero_precision (id INTEGER PRIMARY KEY, d NUMERIC(0))

statement error 22023
CREATE TABLE big_scale (id INTEGER PRIMARY KEY, d NUMERIC(3, 4))

# NUMERIC without precision keeps what it is given (more in types.sql).
statement ok
CREATE TABLE t_num (id INTEGER PRIMARY KEY, x NUMERIC, y DECIMAL)

statement count 1
INSERT INTO t_num VALUES (1, 123.456, 7.5)

query RR
SELECT x, y FROM t_num
----
123.456 7.5

# ALTER TABLE as migrations use it. ADD COLUMN with a DEFAULT on a populated table: the rows from
# before read the DEFAULT (PostgreSQL 11 stores it as the column's missing value, as Basalt does).
statement ok
CREATE TABLE mig (id INTEGER PRIMARY KEY, v VARCHAR(10))

statement count 2
INSERT INTO mig VALUES (1, 'a'), (2, NULL)

statement ok
ALTER TABLE mig ADD COLUMN d INTEGER NOT NULL DEFAULT 7

statement ok
ALTER TABLE mig ADD COLUMN IF NOT EXISTS d INTEGER NOT NULL

statement error 42701
ALTER TABLE mig ADD COLUMN d INTEGER

statement count 1
INSERT INTO mig (id) VALUES (3)

statement count 1
UPDATE mig SET d = 8 WHERE id = 2

query II
SELECT id, d FROM mig ORDER BY id
----
1 7
2 8
3 7

# PostgreSQL: column "n" of relation "mig" contains null values.
statement error 23502
ALTER TABLE mig ADD COLUMN n INTEGER NOT NULL

query error 42703
SELECT n FROM mig

statement error 23502
ALTER TABLE mig ALTER COLUMN v SET NOT NULL

statement count 2
UPDATE mig SET v = 'z' WHERE v IS NULL

statement ok
ALTER TABLE mig ALTER COLUMN v SET NOT NULL

statement error 23502
INSERT INTO mig (id) VALUES (4)

statement ok
ALTER TABLE mig ALTER COLUMN v DROP NOT NULL

statement ok
ALTER TABLE mig ALTER COLUMN d SET DEFAULT 9

statement count 1
INSERT INTO mig (id) VALUES (4)

statement ok
ALTER TABLE mig ALTER COLUMN d DROP DEFAULT

# d is NOT NULL and has no DEFAULT any more.
statement error 23502
INSERT INTO mig (id) VALUES (5)

query II
SELECT id, d FROM mig ORDER BY id
----
1 7
2 8
3 7
4 9

# PostgreSQL: check constraint "d_small" of relation "mig" is violated by some row.
statement error 23514
ALTER TABLE mig ADD CONSTRAINT d_small CHECK (d < 9)

statement ok
ALTER TABLE mig ADD CONSTRAINT d_small CHECK (d < 10)

statement error 23514
UPDATE mig SET d = 10 WHERE id = 1

statement ok
ALTER TABLE mig DROP CONSTRAINT d_small

statement error 42704
ALTER TABLE mig DROP CONSTRAINT d_small

statement ok
ALTER TABLE mig DROP CONSTRAINT IF EXISTS d_small

statement ok
ALTER TABLE mig RENAME COLUMN d TO qty

query error 42703
SELECT d FROM mig

statement error 42701
ALTER TABLE mig RENAME COLUMN qty TO v

statement ok
ALTER TABLE mig RENAME TO migrated

query error 42P01
SELECT * FROM mig

query IT
SELECT qty, v FROM migrated WHERE id = 1
----
7 a

statement error 42P07
ALTER TABLE migrated RENAME TO child

statement error 42703
ALTER TABLE migrated ALTER COLUMN nope SET NOT NULL

# PostgreSQL: column "id" is in a primary key.
statement error 42P16
ALTER TABLE migrated ALTER COLUMN id DROP NOT NULL
