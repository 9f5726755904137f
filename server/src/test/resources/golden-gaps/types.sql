# Numbers, text and date/time values Basalt stores or computes differently from PostgreSQL.

# ---- DECIMAL -----------------------------------------------------------------------------------------

# Basalt: 0.3333333333333333 (16 digits) for all three. PostgreSQL chooses the scale of a NUMERIC
# quotient from the values (at least 16 significant digits, in steps of four); Basalt's comes from
# the types, max(16, scale of either operand) (BasaltTypeSystem), and is the same as PostgreSQL's
# for 10.00 / 4 (golden/types.sql) but not here. Quotients of unconstrained NUMERIC already take
# PostgreSQL's scale from the values (golden/types.sql); literals and DECIMAL(p, s) do not.
query RRR
SELECT CAST(1.00 AS DECIMAL(5, 2)) / 3, 1 / 3.0, 1.0 / 3
----
0.33333333333333333333 0.33333333333333333333 0.33333333333333333333

# Basalt: both values with 500 fractional zeros. A VALUES list of bare literals whose common type
# is the unconstrained NUMERIC (here because one needs more than 38 digits) has its literals
# rescaled to that type's marker scale by Calcite's SqlToRelConverter, before any rewrite of ours
# (UnconstrainedCasts); the digits are all kept, but the scale is not the one written.
query R
SELECT x FROM (VALUES (1.5), (12345678901234567890123456789012345678901234567890.5)) AS v (x) ORDER BY x
----
1.5
12345678901234567890123456789012345678901234567890.5

# Basalt: two groups. GROUP BY, DISTINCT and hash joins compare NUMERIC values with BigDecimal.equals,
# which tells 1.5 from 1.50; PostgreSQL compares numbers (one group, shown as either).
statement ok
CREATE TABLE ungroup (id INTEGER PRIMARY KEY, x NUMERIC)

statement count 2
INSERT INTO ungroup VALUES (1, 1.5), (2, 1.50)

query I
SELECT COUNT(*) FROM (SELECT x FROM ungroup GROUP BY x) AS g
----
1

# ---- Integers and floating point ----------------------------------------------------------------------

# Basalt: 22003. In PostgreSQL -2147483648 is the negation of the BIGINT 2147483648; Basalt's parser
# reads it as one INTEGER literal (a grammar change).
query I
SELECT -2147483648 - 1
----
-2147483649

# ---- Text --------------------------------------------------------------------------------------------

statement ok
CREATE TABLE str (id INTEGER PRIMARY KEY, c CHAR(3))

statement count 1
INSERT INTO str VALUES (1, 'ab')

# Basalt: 3 and 'ab x'. PostgreSQL drops CHAR padding when it becomes text.
query IT
SELECT CHAR_LENGTH(c), c || 'x' FROM str
----
2 abx

# Basalt: false. A CHAR cast compared with a literal is compared with its padding.
query B
SELECT CAST('a' AS CHAR(3)) = 'a'
----
true

# ---- DATE, TIME, TIMESTAMP ---------------------------------------------------------------------------

# Basalt: 10:00:00.123 and .123. Fractions beyond milliseconds are cut off, silently;
# PostgreSQL keeps microseconds.
query DD
SELECT TIME '10:00:00.123456', TIMESTAMP '2024-01-01 10:00:00.123456'
----
10:00:00.123456 2024-01-01T10:00:00.123456

statement ok
CREATE TABLE dt (id INTEGER PRIMARY KEY, t TIME, ts TIMESTAMP)

statement count 1
INSERT INTO dt VALUES (1, TIME '23:59:59.9999', TIMESTAMP '2024-12-31 23:59:59.9999')

# Basalt: 23:59:59.999 and 2024-12-31T23:59:59.999, cut to milliseconds without a word.
query DD
SELECT t, ts FROM dt
----
23:59:59.9999 2024-12-31T23:59:59.9999

# Basalt: 22008 for both. Its TIME keeps milliseconds, and 23:59:59.9999 rounds to 24:00:00, which
# it cannot hold either (PostgreSQL's TIME can); it refuses the value rather than wrapping it
# around to midnight as it did.
statement count 1
INSERT INTO dt (id, t) VALUES (2, '23:59:59.9999')

query D
SELECT CAST('23:59:59.9999' AS TIME)
----
23:59:59.9999

# Basalt: 22008 for the cast, 42601 for the literal. PostgreSQL's TIME allows 24:00:00.
query DD
SELECT CAST('24:00:00' AS TIME), TIME '24:00:00'
----
24:00:00 24:00:00

# Basalt: 42601. Seconds are optional in PostgreSQL; Basalt's parser requires them in literals (casts
# of text accept them, golden/functions.sql).
query DD
SELECT TIME '10:00', TIMESTAMP '2024-02-29 10:00'
----
10:00:00 2024-02-29T10:00:00

# Basalt: 59 (the fraction is dropped before the cast).
query R
SELECT CAST(EXTRACT(SECOND FROM TIME '23:59:59.999') AS DECIMAL(6, 3))
----
59.999
