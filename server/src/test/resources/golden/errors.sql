# Errors carry PostgreSQL's SQLStates, and the session keeps working after each one.

statement ok
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, v VARCHAR(5), d DECIMAL(5, 2), dt DATE)

statement count 2
INSERT INTO t VALUES (1, 10, 'a', 1.50, DATE '2024-01-01'), (2, 0, 'b', NULL, NULL)

# ---- 42601 syntax error ------------------------------------------------------------------------------

statement error 42601
SELEC 1

query error 42601
SELECT * FROM t WHERE

statement error 42601
INSERT INTO t VALUES (

query error 42601
SELECT 'unterminated

query error 42601
SELECT id FROM t WHERE id = 1)

statement error 42601
UPDATE t SET WHERE id = 1

statement error 42601
INSERT INTO t (id, n) VALUES (5, 1, 2)

statement error 42601
INSERT INTO t (id, n, v) VALUES (5, 1)

# ---- 42P01 undefined table, 42703 undefined column, 42P07 duplicate table, 42701 duplicate column -------

query error 42P01
SELECT * FROM missing

statement error 42P01
INSERT INTO missing VALUES (1)

statement error 42P01
UPDATE missing SET a = 1

statement error 42P01
DELETE FROM missing

statement error 42P01
DROP TABLE missing

query error 42P01
SELECT x.id FROM t

query error 42703
SELECT missing FROM t

query error 42703
SELECT t.missing FROM t

query error 42703
SELECT id FROM t WHERE missing = 1

query error 42703
SELECT id FROM t ORDER BY missing

statement error 42703
UPDATE t SET missing = 1

statement error 42703
INSERT INTO t (id, missing) VALUES (9, 1)

statement error 42P07
CREATE TABLE t (id INTEGER PRIMARY KEY)

statement error 42701
UPDATE t SET n = 1, n = 2

statement error 42701
INSERT INTO t (id, n, n) VALUES (5, 1, 2)

# An output alias is not a column in HAVING.
query error 42703
SELECT id, COUNT(*) AS cnt FROM t GROUP BY id HAVING cnt > 0

# ---- 42702 ambiguous column, 42803 grouping, 42883 undefined function, 42804 datatype mismatch ---------

query error 42702
SELECT id FROM t a, t b

query error 42803
SELECT id, COUNT(*) FROM t

query error 42803
SELECT id FROM t GROUP BY n

query error 42803
SELECT id FROM t WHERE COUNT(*) > 1

query error 42883
SELECT no_such_function(1)

statement error 42804
INSERT INTO t (id, n) VALUES (TRUE, 1)

statement error 42804
UPDATE t SET dt = 5

query error 42804
SELECT COALESCE(1, TRUE)

query error 42804
SELECT id FROM t WHERE n

query error 42804
SELECT n FROM t GROUP BY n HAVING SUM(n)

# ---- 42P10 invalid column reference, 42712 duplicate alias ------------------------------------------------

query error 42P10
SELECT DISTINCT n FROM t ORDER BY id

query error 42P10
SELECT id FROM t ORDER BY 5

query error 42P10
SELECT id FROM t ORDER BY 0

query error 42P10
SELECT id FROM t GROUP BY 5

query error 42712
SELECT * FROM t a, t a

query error 42712
SELECT * FROM t JOIN t ON TRUE

# ---- 23505 unique, 23502 not null ------------------------------------------------------------------------

statement error 23505
INSERT INTO t (id, n) VALUES (1, 0)

statement error 23505
INSERT INTO t (id, n) VALUES (10, 0), (11, 0), (10, 1)

statement error 23505
UPDATE t SET id = 1 WHERE id = 2

statement error 23502
INSERT INTO t (id, n) VALUES (3, NULL)

statement error 23502
INSERT INTO t (id, v) VALUES (3, 'x')

statement error 23502
UPDATE t SET n = NULL WHERE id = 1

statement error 23502
INSERT INTO t (n) VALUES (1)

# ---- 22012 division by zero, 22003 out of range, 22001 too long, 22P02 bad literal ----------------------

query error 22012
SELECT 1 / 0

query error 22012
SELECT n / 0 FROM t

query error 22012
SELECT 10 / n FROM t

query error 22012
SELECT d / 0 FROM t

query error 22012
SELECT 1.5 / 0.0

query error 22012
SELECT MOD(1, 0)

query error 22012
SELECT 5 % 0

statement error 22012
UPDATE t SET n = 1 / 0 WHERE id = 1

query error 22003
SELECT 2147483647 + 1

query error 22003
SELECT CAST(-2147483648 AS INTEGER) / -1

statement error 22003
INSERT INTO t (id, n) VALUES (3, 2147483648)

statement error 22003
UPDATE t SET n = n * 1000000000 WHERE id = 1

statement error 22003
INSERT INTO t (id, n, d) VALUES (3, 0, 1000)

statement error 22001
INSERT INTO t (id, n, v) VALUES (3, 0, 'abcdef')

statement error 22001
UPDATE t SET v = v || 'bcdef' WHERE id = 1

query error 22P02
SELECT CAST('abc' AS INTEGER)

query error 22P02
SELECT CAST('1.5x' AS DECIMAL(5, 2))

query error 22P02
SELECT id FROM t WHERE id = 'abc'

statement error 22P02
INSERT INTO t (id, n) VALUES (3, 'abc')

query error 22007
SELECT CAST('garbage' AS DATE)

query error 22007
SELECT CAST('not a timestamp' AS TIMESTAMP)

# ---- 22008 date/time field out of range, 22011 substring, 2201E / 2201F logarithm and power ------------

query error 22008
SELECT CAST('2024-02-30' AS DATE)

query error 22008
SELECT CAST('2024-13-01 00:00:00' AS TIMESTAMP)

query error 22008
SELECT CAST('25:00:00' AS TIME)

query error 22008
SELECT CAST('23:61:00' AS TIME)

query error 22011
SELECT SUBSTRING('abc' FROM 1 FOR -1)

query error 22011
SELECT SUBSTRING(v FROM 1 FOR n - 20) FROM t WHERE id = 1

query error 2201E
SELECT LN(n - 10) FROM t WHERE id = 1

query error 2201F
SELECT SQRT(n - 11) FROM t WHERE id = 1

# ---- 21000 more than one row from a scalar subquery -------------------------------------------------------

query error 21000
SELECT (SELECT id FROM t)

query error 21000
SELECT id FROM t WHERE n = (SELECT n FROM t)

query error 21000
SELECT id, (SELECT n FROM t AS t2 WHERE t2.id >= t.id) FROM t

query error 21000
SELECT (SELECT d FROM t WHERE d IS NULL OR d > 0)

query II
SELECT id, (SELECT n FROM t AS t2 WHERE t2.id <> t.id) FROM t ORDER BY id
----
1 0
2 10

query I
SELECT (SELECT id FROM t WHERE id > 5)
----
NULL

# ---- Session settings: 42704 unknown parameter, 22023 bad value ------------------------------------------

statement error 42704
SET no_such_setting = 1

query error 42704
SHOW no_such_setting

statement error 22023
SET serializable = 'bogus'

# ---- Nothing of a failed statement remains, and the session goes on --------------------------------------

statement error 22001
INSERT INTO t (id, n, v) VALUES (5, 0, 'ok'), (6, 0, 'too long')

statement error 22003
UPDATE t SET n = n + 2147483640

query IITRD
SELECT * FROM t ORDER BY id
----
1 10 a 1.50 2024-01-01
2 0 b NULL NULL

statement count 1
INSERT INTO t (id, n) VALUES (100, 1)

statement count 1
DELETE FROM t WHERE id = 100
