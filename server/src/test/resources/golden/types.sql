# Exact and approximate numbers, text, booleans, dates and times: storage, rounding, range
# checks. Values are rounded when PostgreSQL rounds and refused when they do not fit; never
# silently truncated.

# ---- DECIMAL(p, s): exact arithmetic, rounding half away from zero, overflow -------------------------

statement ok
CREATE TABLE num (id INTEGER PRIMARY KEY, d DECIMAL(5, 2), f DECIMAL(4, 4), i INTEGER, s SMALLINT, b BIGINT,
  x DOUBLE PRECISION, r REAL)

query RRR
SELECT 0.1 + 0.2, 1.10 * 2.205, 1.10 + 2.205
----
0.3 2.42550 3.305

query R
SELECT CAST(1.10 AS DECIMAL(5, 2)) * CAST(2.205 AS DECIMAL(6, 3))
----
2.42550

statement count 1
INSERT INTO num (id, d, f) VALUES (1, 1.005, 0.1234)

statement count 1
INSERT INTO num (id, d, f) VALUES (2, -1.005, 0.99994)

statement count 1
INSERT INTO num (id, d, f) VALUES (3, 1.004, -0.12345)

query IRR
SELECT id, d, f FROM num ORDER BY id
----
1 1.01 0.1234
2 -1.01 0.9999
3 1.00 -0.1235

# DECIMAL(4, 4) holds no integer digit, so 1 and anything rounding up to 1 do not fit.
statement error 22003
INSERT INTO num (id, f) VALUES (4, 1)

statement error 22003
INSERT INTO num (id, f) VALUES (4, 0.99995)

statement error 22003
INSERT INTO num (id, d) VALUES (4, 999.995)

statement error 22003
INSERT INTO num (id, d) VALUES (4, -1000)

statement count 1
INSERT INTO num (id, d) VALUES (4, 999.994)

statement error 22003
UPDATE num SET d = d * 10 WHERE id = 4

statement error 22003
UPDATE num SET f = f + 0.5 WHERE id = 2

query IRR
SELECT id, d, d * 2 FROM num WHERE id = 4
----
4 999.99 1999.98

query R
SELECT SUM(d) FROM num
----
1000.99

# A DECIMAL quotient keeps at least 16 fractional digits (PostgreSQL: at least 16 significant ones).
query RR
SELECT 10.00 / 4, CAST(7 AS DECIMAL(3, 0)) / CAST(2 AS DECIMAL(5, 4))
----
2.5000000000000000 3.5000000000000000

query RR
SELECT CAST(123.456 AS DECIMAL(5, 2)), CAST(-123.455 AS DECIMAL(5, 2))
----
123.46 -123.46

query R
SELECT CAST(3.7 AS DECIMAL(5))
----
4

query error 22003
SELECT CAST(12345.678 AS DECIMAL(5, 2))

# ---- Integers: exact range checks, rounding from DECIMAL ---------------------------------------------

statement count 3
INSERT INTO num (id, i) VALUES (5, 3.7), (6, -3.5), (7, 2.5)

query II
SELECT id, i FROM num WHERE id IN (5, 6, 7) ORDER BY id
----
5 4
6 -4
7 3

query IIII
SELECT CAST(3.7 AS INTEGER), CAST(-3.5 AS INTEGER), CAST(2.5 AS INTEGER), CAST(2.4 AS BIGINT)
----
4 -4 3 2

query III
SELECT 2147483647, -2147483648, 9223372036854775807
----
2147483647 -2147483648 9223372036854775807

query error 22003
SELECT CAST(2147483647 AS INTEGER) + 1

query error 22003
SELECT CAST(9223372036854775807 AS BIGINT) + 1

query error 22003
SELECT CAST(40000 AS SMALLINT)

query error 22003
SELECT CAST(3000000000 AS INTEGER)

statement count 1
INSERT INTO num (id, s) VALUES (8, 32767)

statement error 22003
UPDATE num SET s = s + 1 WHERE id = 8

statement error 22003
INSERT INTO num (id, s) VALUES (9, -32769)

query error 22003
SELECT i * 1000000000 FROM num WHERE id = 5

query I
SELECT CAST(i AS BIGINT) * 1000000000 FROM num WHERE id = 5
----
4000000000

# SUM of INTEGER is BIGINT, so it does not overflow where the values do.
statement count 2
INSERT INTO num (id, i) VALUES (10, 2000000000), (11, 2000000000)

query I
SELECT SUM(i) FROM num WHERE id >= 10
----
4000000000

# The integer product overflows before it becomes a DECIMAL.
query error 22003
SELECT CAST(i * i AS DECIMAL(20, 0)) + 1.5 FROM num WHERE id = 10

query error 22003
SELECT ABS(CAST(-2147483648 AS INTEGER))

query error 22003
SELECT ABS(CAST(-32768 AS SMALLINT))

query III
SELECT ABS(CAST(-2147483647 AS INTEGER)), ABS(CAST(-32767 AS SMALLINT)), ABS(CAST(-9223372036854775807 AS BIGINT))
----
2147483647 32767 9223372036854775807

query error 22003
SELECT i + i FROM num WHERE id = 10

# ---- NUMERIC without precision: every digit kept, and each value's own scale ------------------------

statement ok
CREATE TABLE un (id INTEGER PRIMARY KEY, x NUMERIC, y DECIMAL)

statement count 3
INSERT INTO un VALUES (1, 123.456, 7.5), (2, 1.50, -0.001), (4, NULL, 2)

statement count 1
INSERT INTO un VALUES (3, 12345678901234567890123456789012345678901234567890.123456789, 0)

query IRR
SELECT id, x, y FROM un ORDER BY id
----
1 123.456 7.5
2 1.50 -0.001
3 12345678901234567890123456789012345678901234567890.123456789 0
4 NULL 2

# Sums, differences and products are exact; a product's scale is the sum of the operands' scales.
query RRR
SELECT x + y, x - 1, x * y FROM un WHERE id = 1
----
130.956 122.456 925.9200

query R
SELECT x * 2 + 1 FROM un WHERE id = 3
----
24691357802469135780246913578024691357802469135781.246913578

# A quotient's scale depends on the values: at least 16 significant digits.
query RRR
SELECT x / y, x / 3, y / 8 FROM un WHERE id = 1
----
16.4608000000000000 41.1520000000000000 0.93750000000000000000

query error 22012
SELECT x / 0 FROM un WHERE id = 1

# SUM keeps the largest scale; AVG divides as a quotient does.
query RR
SELECT SUM(y), AVG(y) FROM un
----
9.499 2.3747500000000000

query I rowsort
SELECT id FROM un WHERE x = 1.5 OR y > 7
----
1
2

query IR
SELECT id, COALESCE(x, 0) FROM un WHERE id IN (2, 4) ORDER BY id
----
2 1.50
4 0

query RRR
SELECT ROUND(x, 1), ROUND(x), ABS(y) FROM un WHERE id = 1
----
123.5 123 7.5

query RRRRR
SELECT CAST(1.25 AS NUMERIC), CAST(1.50 AS DECIMAL), CAST(7 AS NUMERIC), CAST('0.250' AS NUMERIC), CAST(3.7 AS NUMERIC(5))
----
1.25 1.50 7 0.250 4

query RR
SELECT CAST(0.1E0 AS NUMERIC), CAST(CAST(0.1 AS REAL) AS NUMERIC)
----
0.1 0.1

query error 22P02
SELECT CAST('abc' AS NUMERIC)

# PostgreSQL's limit: 131072 digits before the decimal point.
statement error 22003
INSERT INTO un (id, x) VALUES (5, CAST('1e131072' AS NUMERIC))

# Constrained DECIMAL arithmetic that needs more than 38 digits is an unconstrained NUMERIC, exact.
query R
SELECT CAST(1000.5 AS DECIMAL(20, 10)) * CAST(1000.5 AS DECIMAL(20, 10)) * CAST(1000.5 AS DECIMAL(20, 10))
----
1001500750.125000000000000000000000000000

# As a primary key, 1.5 and 1.50 are the same number; each row keeps the scale it was given.
statement ok
CREATE TABLE unk (k NUMERIC PRIMARY KEY, v INTEGER, w NUMERIC UNIQUE)

statement count 3
INSERT INTO unk VALUES (1.50, 1, 0.10), (-2, 2, 5), (10.25, 3, 100)

statement error 23505
INSERT INTO unk VALUES (1.5, 4, 7)

statement error 23505
INSERT INTO unk VALUES (7, 4, 0.1)

query RIR
SELECT k, v, w FROM unk ORDER BY k
----
-2 2 5
1.50 1 0.10
10.25 3 100

query IR
SELECT v, k FROM unk WHERE k = 1.5
----
1 1.50

query IR
SELECT v, w FROM unk WHERE w = 0.1
----
1 0.10

statement count 1
UPDATE unk SET k = k * 2 WHERE v = 3

query R
SELECT k FROM unk WHERE v = 3
----
20.50

# ---- DOUBLE PRECISION and REAL -------------------------------------------------------------------------

statement count 1
INSERT INTO num (id, x, r) VALUES (12, 0.1, 0.1)

query RRR
SELECT x, r, x + 0.2 FROM num WHERE id = 12
----
0.1 0.1 0.30000000000000004

query R
SELECT CAST('NaN' AS DOUBLE PRECISION)
----
NaN

query R
SELECT CAST(1e300 AS DOUBLE PRECISION) * 10
----
1E+301

# AVG of REAL is DOUBLE PRECISION; SUM and MAX of REAL stay REAL.
query RRR
SELECT AVG(r), SUM(r), MAX(r) FROM num WHERE id = 12
----
0.10000000149011612 0.1 0.1

# A DOUBLE or REAL becomes an integer rounded to nearest, ties to even, and must fit.
query IIII
SELECT CAST(3.5E0 AS INTEGER), CAST(CAST(-2.7 AS REAL) AS INTEGER), CAST(CAST(2.5 AS DOUBLE PRECISION) AS INTEGER),
  CAST(-4.5E0 AS BIGINT)
----
4 -3 2 -4

query I
SELECT CAST(r * 10 AS SMALLINT) FROM num WHERE id = 12
----
1

query error 22003
SELECT CAST(CAST(2147483647.5 AS DOUBLE PRECISION) AS INTEGER)

query error 22003
SELECT CAST(CAST('NaN' AS DOUBLE PRECISION) AS BIGINT)

# Overflow, underflow and division by zero are errors, never Infinity or 0; so are the square root
# of a negative number and the logarithm of zero or a negative number.
query error 22003
SELECT CAST(1e308 AS DOUBLE PRECISION) * 10

query error 22003
SELECT x * 1e308 * 1e308 FROM num WHERE id = 12

query error 22003
SELECT CAST(1e-300 AS DOUBLE PRECISION) * 1e-300

query error 22003
SELECT CAST(3e38 AS REAL) * CAST(10 AS REAL)

query error 22012
SELECT CAST(1 AS DOUBLE PRECISION) / 0

query error 22012
SELECT r / 0 FROM num WHERE id = 12

query error 2201F
SELECT SQRT(-1)

query error 2201F
SELECT POWER(0, -1)

query error 2201E
SELECT LN(0)

query error 2201E
SELECT LN(-1)

query error 2201E
SELECT LOG10(x - 1) FROM num WHERE id = 12

query error 22003
SELECT EXP(1000)

query RR
SELECT CAST('Infinity' AS DOUBLE PRECISION) * 2, CAST('NaN' AS DOUBLE PRECISION) / 0
----
Infinity NaN

# ---- Text: length limits, trailing blanks, CHAR padding ------------------------------------------------

statement ok
CREATE TABLE str (id INTEGER PRIMARY KEY, v VARCHAR(3), c CHAR(3))

statement error 22001
INSERT INTO str VALUES (1, 'abcd', NULL)

statement error 22001
INSERT INTO str VALUES (1, NULL, 'abcd')

statement count 1
INSERT INTO str VALUES (1, 'ab', 'ab')

# Blanks past the length are dropped (SQL standard), anything else past it is refused.
statement count 1
INSERT INTO str VALUES (2, 'abc   ', 'xy   ')

statement error 22001
UPDATE str SET v = v || 'z' WHERE id = 2

query ITT
SELECT id, v, c FROM str WHERE id <= 2 ORDER BY id
----
1 ab 'ab '
2 abc 'xy '

# Text is Unicode: lengths count characters, OCTET_LENGTH counts UTF-8 bytes.
statement count 1
INSERT INTO str VALUES (3, '日本😀', 'é')

query TIIIT
SELECT v, CHAR_LENGTH(v), OCTET_LENGTH(v), OCTET_LENGTH('héllo'), v || 'ü' FROM str WHERE v = '日本😀'
----
日本😀 3 10 6 日本😀ü

query I
SELECT id FROM str WHERE v LIKE '日_😀' OR c = 'é'
----
3

statement error 22001
INSERT INTO str VALUES (4, '日本😀x', NULL)

# An explicit cast truncates, as the standard says.
query TT
SELECT CAST('abcd' AS VARCHAR(3)), CAST('abcd' AS CHAR(2))
----
abc ab

# CHAR compares without its padding.
query I
SELECT id FROM str WHERE c = 'ab'
----
1

query B
SELECT c = 'ab' FROM str WHERE id = 1
----
true

# LIKE sees the padding (PostgreSQL documents that trailing blanks matter in pattern matching).
query BB
SELECT c LIKE 'ab', c LIKE 'ab_' FROM str WHERE id = 1
----
false true

# VARCHAR and text compare blanks like any other character.
query BB
SELECT 'a' = 'a ', 'a' < 'a '
----
false true

query T
SELECT MIN(c) FROM str
----
'ab '

# ---- BOOLEAN -----------------------------------------------------------------------------------------

statement ok
CREATE TABLE bools (id INTEGER PRIMARY KEY, b BOOLEAN)

statement count 3
INSERT INTO bools VALUES (1, TRUE), (2, FALSE), (3, NULL)

statement count 1
INSERT INTO bools VALUES (4, 'true')

query IB
SELECT id, b FROM bools ORDER BY id
----
1 true
2 false
3 NULL
4 true

query I
SELECT id FROM bools WHERE b ORDER BY id
----
1
4

query I
SELECT id FROM bools WHERE NOT b
----
2

query I
SELECT id FROM bools WHERE b IS NOT TRUE ORDER BY id
----
2
3

query BBBB
SELECT TRUE AND NULL, TRUE OR NULL, FALSE AND NULL, NOT CAST(NULL AS BOOLEAN)
----
NULL true false NULL

query BB
SELECT FALSE < TRUE, TRUE = TRUE
----
true true

# Text becomes a BOOLEAN by PostgreSQL's rules: any case, blanks around, any unique prefix.
query BBBBBB
SELECT CAST('t' AS BOOLEAN), CAST('f' AS BOOLEAN), CAST('yes' AS BOOLEAN), CAST('no' AS BOOLEAN),
  CAST('on' AS BOOLEAN), CAST('0' AS BOOLEAN)
----
true false true false true false

query BBBB
SELECT CAST(' TRUE ' AS BOOLEAN), CAST('Fal' AS BOOLEAN), CAST('OFF' AS BOOLEAN), CAST('1' AS BOOLEAN)
----
true false false true

query error 22P02
SELECT CAST('maybe' AS BOOLEAN)

query error 22P02
SELECT CAST('o' AS BOOLEAN)

statement count 6
INSERT INTO bools VALUES (5, 't'), (6, 'no'), (7, ' Off'), (8, 'Y'), (9, '0'), (10, 'on')

query IB
SELECT id, b FROM bools WHERE id >= 5 ORDER BY id
----
5 true
6 false
7 false
8 true
9 false
10 true

statement error 22P02
INSERT INTO bools VALUES (11, 'nope')

# ---- DATE, TIME, TIMESTAMP ---------------------------------------------------------------------------

statement ok
CREATE TABLE dt (id INTEGER PRIMARY KEY, d DATE, t TIME, ts TIMESTAMP)

statement count 2
INSERT INTO dt VALUES (1, DATE '0001-01-01', TIME '00:00:00', TIMESTAMP '1970-01-01 00:00:00'),
  (2, DATE '9999-12-31', TIME '23:59:59.999', TIMESTAMP '2024-02-29 12:00:00.25')

statement count 1
INSERT INTO dt VALUES (3, '2024-02-29', '12:30', '2024-02-29 12:00:00')

# A day, hour, minute or second that does not exist is 22008, for stored text as for a cast.
statement error 22008
INSERT INTO dt (id, d) VALUES (4, '2023-02-29')

statement error 22008
INSERT INTO dt (id, t) VALUES (4, '25:00')

statement error 22008
UPDATE dt SET ts = '2024-02-29 12:60:00' WHERE id = 3

statement error 22007
INSERT INTO dt (id, d) VALUES (4, 'not a date')

query IDDD
SELECT id, d, t, ts FROM dt ORDER BY id
----
1 0001-01-01 00:00:00 1970-01-01T00:00:00
2 9999-12-31 23:59:59.999 2024-02-29T12:00:00.25
3 2024-02-29 12:30:00 2024-02-29T12:00:00

query I
SELECT id FROM dt WHERE t > TIME '12:00:00' ORDER BY t
----
3
2

query I
SELECT id FROM dt WHERE t = TIME '23:59:59.999'
----
2

query I
SELECT id FROM dt WHERE ts BETWEEN TIMESTAMP '2024-02-29 00:00:00' AND TIMESTAMP '2024-02-29 12:00:00.1' ORDER BY id
----
3

query I
SELECT id FROM dt WHERE d > '2024-01-01' ORDER BY d DESC
----
2
3

query TT
SELECT CAST(t AS VARCHAR), CAST(ts AS VARCHAR) FROM dt WHERE id = 2
----
23:59:59.999 '2024-02-29 12:00:00.25'

query DDD
SELECT MIN(d), MAX(t), MAX(ts) FROM dt
----
0001-01-01 23:59:59.999 2024-02-29T12:00:00.25

statement count 1
UPDATE dt SET t = t + INTERVAL '1' SECOND, d = d + INTERVAL '1' DAY WHERE id = 1

query DD
SELECT d, t FROM dt WHERE id = 1
----
0001-01-02 00:00:01

# A fraction of a second with more digits than the type allows is rounded (half up), never cut.
query DDD
SELECT CAST(TIME '13:14:15.678' AS TIME(0)), CAST(TIMESTAMP '2024-02-29 13:14:15.678' AS TIMESTAMP(0)),
  CAST(TIME '13:14:15.449' AS TIME(1))
----
13:14:16 2024-02-29T13:14:16 13:14:15.4

statement ok
CREATE TABLE t0 (id INTEGER PRIMARY KEY, t TIME(0), ts TIMESTAMP(0), t1 TIME(1))

statement count 1
INSERT INTO t0 VALUES (1, TIME '10:00:00.6', TIMESTAMP '2024-01-01 10:00:00.6', TIME '10:00:00.66')

statement count 1
INSERT INTO t0 (id, t, ts) VALUES (2, '10:00:00.5', '2024-12-31 23:59:59.5')

query IDDD
SELECT id, t, ts, t1 FROM t0 ORDER BY id
----
1 10:00:01 2024-01-01T10:00:01 10:00:00.7
2 10:00:01 2025-01-01T00:00:00 NULL

query DD
SELECT CAST(ts AS TIMESTAMP(0)), CAST(ts AS TIMESTAMP(1)) FROM dt WHERE id = 2
----
2024-02-29T12:00:00 2024-02-29T12:00:00.3

statement count 1
UPDATE t0 SET ts = (SELECT ts FROM dt WHERE id = 2) WHERE id = 1

query D
SELECT ts FROM t0 WHERE id = 1
----
2024-02-29T12:00:00

# A timestamp's value counts from 2000-01-01 and rounds half away from zero.
query DD
SELECT CAST(TIMESTAMP '1999-12-31 23:59:59.5' AS TIMESTAMP(0)), CAST(TIMESTAMP '2000-01-01 00:00:00.5' AS TIMESTAMP(0))
----
1999-12-31T23:59:59 2000-01-01T00:00:01

# Date/time keys: exact matches and ranges.
statement ok
CREATE TABLE tpk (t TIME PRIMARY KEY, v INTEGER)

statement count 2
INSERT INTO tpk VALUES (TIME '10:00:00', 1), (TIME '09:00:00.5', 2)

query DI
SELECT t, v FROM tpk ORDER BY t
----
09:00:00.5 2
10:00:00 1

query I
SELECT v FROM tpk WHERE t = TIME '09:00:00.5'
----
2

statement ok
CREATE TABLE tspk (ts TIMESTAMP PRIMARY KEY, v INTEGER)

statement count 2
INSERT INTO tspk VALUES (TIMESTAMP '2024-01-01 10:00:00.123', 1), (TIMESTAMP '2023-12-31 23:59:59', 2)

query I
SELECT v FROM tspk WHERE ts = TIMESTAMP '2024-01-01 10:00:00.123'
----
1

query I
SELECT v FROM tspk WHERE ts > TIMESTAMP '2024-01-01 10:00:00.122'
----
1

query DI
SELECT ts, v FROM tspk ORDER BY ts
----
2023-12-31T23:59:59 2
2024-01-01T10:00:00.123 1

statement error 23505
INSERT INTO tspk VALUES (TIMESTAMP '2023-12-31 23:59:59', 3)
