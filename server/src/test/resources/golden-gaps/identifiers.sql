# Identifier rules where Basalt (SQL standard: unquoted names fold to upper case, Calcite's
# reserved words) differs from PostgreSQL (unquoted names fold to lower case, few reserved words).

statement ok
CREATE TABLE lower_t (id INTEGER PRIMARY KEY)

statement count 1
INSERT INTO lower_t VALUES (1)

# Basalt: 42P01 and 42703; the unquoted names were stored as LOWER_T and ID.
query I
SELECT id FROM "lower_t"
----
1

query I
SELECT "id" FROM lower_t
----
1

# Basalt: finds it (ID); in PostgreSQL the column is id.
query error 42703
SELECT "ID" FROM lower_t

statement ok
CREATE TABLE "quoted_lower" (id INTEGER PRIMARY KEY)

# Basalt: 42P01.
query I
SELECT COUNT(*) FROM quoted_lower
----
0

# Basalt: 42P07, t and "T" are the same name.
statement ok
CREATE TABLE "T" (id INTEGER PRIMARY KEY)

statement ok
CREATE TABLE t (id INTEGER PRIMARY KEY)

# Basalt: 42601 for each of these column names; PostgreSQL does not reserve them.
statement ok
CREATE TABLE kw_time_units (id INTEGER PRIMARY KEY, year INTEGER, month INTEGER, day INTEGER, hour INTEGER,
  minute INTEGER, second INTEGER)

statement ok
CREATE TABLE kw_types (id INTEGER PRIMARY KEY, date DATE, time TIME, timestamp TIMESTAMP)

statement ok
CREATE TABLE kw_functions (id INTEGER PRIMARY KEY, count INTEGER, sum INTEGER, min INTEGER, max INTEGER,
  avg INTEGER, floor INTEGER, position INTEGER)

statement ok
CREATE TABLE kw_words (id INTEGER PRIMARY KEY, value INTEGER, result INTEGER, language INTEGER, system INTEGER,
  one INTEGER, row INTEGER, rows INTEGER, current INTEGER, percent INTEGER, method INTEGER, function INTEGER,
  sql INTEGER)

# Basalt: 42601, ONE is reserved.
query I
SELECT x.one FROM (SELECT 1 AS one) x
----
1
