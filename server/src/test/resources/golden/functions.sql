# Scalar functions: string, numeric, date/time. PostgreSQL's results.

# ---- String ----------------------------------------------------------------------------------------

query TTIII
SELECT UPPER('aBc'), LOWER('aBc'), CHAR_LENGTH('héllo'), CHARACTER_LENGTH('abc'), OCTET_LENGTH('abc')
----
ABC abc 5 3 3

query TTT
SELECT SUBSTRING('abcdef' FROM 2 FOR 3), SUBSTRING('abcdef' FROM 4), SUBSTRING('abcdef' FROM 5 FOR 10)
----
bcd def ef

# Positions and lengths count characters; a negative length is an error (errors.sql).
query TTT
SELECT SUBSTRING('héllo' FROM 2 FOR 3), SUBSTRING('abcdef' FROM 0 FOR 3), SUBSTRING('abc' FROM -5 FOR 2)
----
éll ab (empty)

# Booleans become text in lower case.
query TT
SELECT 'abc' || 1 || TRUE, CAST(FALSE AS VARCHAR)
----
abc1true false

# LIKE: backslash is the default escape character.
query BBBB
SELECT 'a%c' LIKE 'a\%c', 'abc' LIKE 'a\%c', 'a_c' LIKE 'a\_c', 'a\c' LIKE 'a\\c'
----
true false true true

query BBBB
SELECT 'mississippi' LIKE '%iss%ppi', 'héllo' LIKE 'h_llo', '' LIKE '%', 'abc' NOT LIKE 'a%'
----
true true true false

query error 22025
SELECT 'ab' LIKE 'ab\'

query II
SELECT POSITION('cd' IN 'abcdef'), POSITION('x' IN 'abc')
----
3 0

query TTTT
SELECT TRIM('  ab  '), TRIM(LEADING 'x' FROM 'xxabxx'), TRIM(TRAILING 'x' FROM 'xxabxx'), TRIM(BOTH 'x' FROM 'xxabxx')
----
ab abxx xxab ab

query T
SELECT REPLACE('banana', 'an', 'AN')
----
bANANa

query TTT
SELECT 'ab' || 'cd', 'n=' || 42, 'x' || CAST(1.50 AS DECIMAL(3, 2))
----
abcd n=42 x1.50

query T
SELECT 'a' || NULL
----
NULL

query T
SELECT 'it''s'
----
it's

query I
SELECT CHAR_LENGTH('')
----
0

query T
SELECT ''
----
(empty)

query BBBB
SELECT 'abc' LIKE 'a_c', 'abc' LIKE 'A%', 'abc' NOT LIKE '%d', 'a%c' LIKE 'a!%c' ESCAPE '!'
----
true false true true

query BB
SELECT 'abc' SIMILAR TO '(a|b)%', 'cab' SIMILAR TO '(a|b)%'
----
true false

query T
SELECT UPPER(v) FROM (VALUES ('x'), (NULL)) AS t(v) ORDER BY 1
----
X
NULL

# ---- Numeric -----------------------------------------------------------------------------------------

query IRRRR
SELECT ABS(-5), ABS(-1.50), CEIL(1.2), CEILING(-1.2), FLOOR(-1.2)
----
5 1.50 2 -1 -2

query IIR
SELECT MOD(10, 3), MOD(-10, 3), MOD(10.5, 3)
----
1 -1 1.5

query IIII
SELECT 7 / 2, -7 / 2, 7 % 3, -7 % 3
----
3 -3 1 -1

query RRRR
SELECT POWER(2, 10), SQRT(16), EXP(0), LN(1)
----
1024 4 1 0

query R
SELECT CBRT(27)
----
3

query RRR
SELECT PI(), DEGREES(PI()), RADIANS(180)
----
3.141592653589793 180 3.141592653589793

query R
SELECT SIN(0) + COS(0)
----
1

# ROUND of a DECIMAL has the scale asked for (0 when none is given, never below 0) and rounds half
# away from zero; SIGN of a DECIMAL has no fraction.
query RRRRR
SELECT ROUND(2.5), ROUND(-2.5), ROUND(1.235, 2), ROUND(-1.235, 2), ROUND(123.45, -1)
----
3 -3 1.24 -1.24 120

query RRR
SELECT ROUND(1.2345, 2), ROUND(1.2, 3), ROUND(9.96, 1)
----
1.23 1.200 10.0

query RR
SELECT SIGN(-3.5), SIGN(0.0)
----
-1 0

query R
SELECT LOG10(1000)
----
3

query RR
SELECT ROUND(AVG(x), 2), SUM(x) FROM (VALUES (1.25), (2.50), (3.75), (1.00)) AS t(x)
----
2.13 8.50

query R
SELECT CAST(1 AS DOUBLE PRECISION) / 4
----
0.25

query R
SELECT CAST(1 AS DOUBLE PRECISION) / 3
----
0.3333333333333333

# ---- Date and time -------------------------------------------------------------------------------------

query DDD
SELECT CAST('2024-03-01' AS DATE), CAST(TIMESTAMP '2024-02-29 13:14:15' AS DATE), CAST(DATE '2024-02-29' AS TIMESTAMP)
----
2024-03-01 2024-02-29 2024-02-29T00:00:00

query DD
SELECT CAST('10:15' AS TIME), CAST(TIMESTAMP '2024-02-29 13:14:15' AS TIME)
----
10:15:00 13:14:15

query TT
SELECT CAST(DATE '2024-02-29' AS VARCHAR), CAST(TIME '13:14:15' AS VARCHAR)
----
2024-02-29 13:14:15

# The fraction of a second stays when a TIMESTAMP or TIME becomes text, also for a literal.
query TT
SELECT CAST(TIMESTAMP '2024-02-29 13:14:15.5' AS VARCHAR), CAST(TIME '13:14:15.5' AS VARCHAR)
----
'2024-02-29 13:14:15.5' 13:14:15.5

# Text becomes a date or time by PostgreSQL's rules: blanks around, seconds optional, T or a blank
# between date and time.
query DDD
SELECT CAST(' 2024-02-29 ' AS DATE), CAST('2024-02-29 12:00' AS TIMESTAMP), CAST('2024-02-29T12:00:01.5' AS TIMESTAMP)
----
2024-02-29 2024-02-29T12:00:00 2024-02-29T12:00:01.5

query DD
SELECT TIMESTAMP '2024-02-29 13:14:15' + INTERVAL '1' HOUR, TIMESTAMP '2024-02-29 23:30:00' + INTERVAL '45' MINUTE
----
2024-02-29T14:14:15 2024-03-01T00:15:00

query D
SELECT TIMESTAMP '2024-03-01 00:00:00' - INTERVAL '1' DAY
----
2024-02-29T00:00:00

query D
SELECT TIMESTAMP '2024-01-31 08:00:00' + INTERVAL '1' MONTH
----
2024-02-29T08:00:00

query DD
SELECT TIME '10:15:30' + INTERVAL '45' MINUTE, TIME '23:30:00' + INTERVAL '1' HOUR
----
11:00:30 00:30:00

query IIIIII
SELECT CAST(EXTRACT(YEAR FROM DATE '2024-02-29') AS INTEGER), CAST(EXTRACT(MONTH FROM DATE '2024-02-29') AS INTEGER),
  CAST(EXTRACT(DAY FROM DATE '2024-02-29') AS INTEGER), CAST(EXTRACT(HOUR FROM TIMESTAMP '2024-02-29 13:14:15') AS INTEGER),
  CAST(EXTRACT(MINUTE FROM TIME '13:14:15') AS INTEGER), CAST(EXTRACT(SECOND FROM TIMESTAMP '2024-02-29 13:14:15') AS INTEGER)
----
2024 2 29 13 14 15

query IIII
SELECT CAST(EXTRACT(DOY FROM DATE '2024-02-29') AS INTEGER), CAST(EXTRACT(QUARTER FROM DATE '2024-05-01') AS INTEGER),
  CAST(EXTRACT(ISODOW FROM DATE '2024-03-03') AS INTEGER), CAST(EXTRACT(WEEK FROM DATE '2024-01-01') AS INTEGER)
----
60 2 7 1

# Days of the week count from Sunday = 0.
query II
SELECT CAST(EXTRACT(DOW FROM DATE '2024-02-29') AS INTEGER), CAST(EXTRACT(DOW FROM DATE '2024-03-03') AS INTEGER)
----
4 0

query I
SELECT CAST(EXTRACT(EPOCH FROM TIMESTAMP '1970-01-02 00:00:00') AS INTEGER)
----
86400

query BBBB
SELECT CURRENT_DATE IS NOT NULL, CURRENT_TIMESTAMP IS NOT NULL, LOCALTIMESTAMP IS NOT NULL, CURRENT_TIME IS NOT NULL
----
true true true true

query B
SELECT CAST(LOCALTIMESTAMP AS DATE) = CURRENT_DATE
----
true

query BBB
SELECT DATE '2024-02-29' < DATE '2024-03-01', TIMESTAMP '2024-02-29 00:00:00' = DATE '2024-02-29',
  TIME '09:00:00' BETWEEN TIME '08:00:00' AND TIME '17:00:00'
----
true true true

# ---- PostgreSQL's string functions ----------------------------------------------------------------------

# Lengths and positions count characters, not UTF-16 units.
query IIII
SELECT LENGTH('abc'), LENGTH('h😀'), STRPOS('abcdef', 'cd'), STRPOS('a😀bc', 'b')
----
3 2 3 3

query TTT
SELECT SUBSTR('abcdef', 2, 3), SUBSTR('abcdef', 3), SUBSTR('abcdef', 0, 2)
----
bcd cdef a

query TTTT
SELECT LTRIM('  ab'), RTRIM('ab  '), BTRIM('xxabxx', 'x'), BTRIM('xyaxy', 'yx')
----
ab ab ab a

# A negative count drops characters from the other end.
query TTTTT
SELECT LEFT('abcdef', 2), RIGHT('abcdef', 2), LEFT('abcde', -2), RIGHT('abcde', -2), LEFT('ab', 5)
----
ab ef abc cde ab

# Padding cuts a text that is too long; a negative length gives '', an empty fill the text.
query TTTTTTT
SELECT LPAD('7', 3, '0'), RPAD('ab', 4, '*'), LPAD('hi', 5, 'xy'), LPAD('hi', 4), LPAD('hello', 2), LPAD('hi', -1, 'x'), RPAD('hi', 5, '')
----
007 ab** xyxhi '  hi' he (empty) hi

# CONCAT and CONCAT_WS skip NULL arguments.
query TTT
SELECT CONCAT('a', NULL, 'b', 1), CONCAT_WS('-', 'a', NULL, 'b'), CONCAT(NULL)
----
ab1 a-b (empty)

query T
SELECT CONCAT_WS(NULL, 'a', 'b')
----
NULL

query TTTT
SELECT REPEAT('ab', 3), REPEAT('ab', -1), REVERSE('abc'), INITCAP('hello wORLD')
----
ababab (empty) cba 'Hello World'

# A negative field counts from the end.
query TTT
SELECT SPLIT_PART('a,b,c', ',', 2), SPLIT_PART('a,b,c', ',', 5), SPLIT_PART('a,b,c', ',', -1)
----
b (empty) c

query TT
SELECT CHR(66), CHR(233)
----
B é

query T
SELECT MD5('abc')
----
900150983cd24fb0d6963f7d28e17f72

query T
SELECT TRANSLATE('12345', '143', 'ax')
----
a2x5

query B
SELECT STARTS_WITH('abc', 'ab')
----
true

query TTTTT
SELECT LPAD(NULL, 3), LEFT('ab', NULL), SPLIT_PART(NULL, ',', 1), REVERSE(NULL), CHR(NULL)
----
NULL NULL NULL NULL NULL

query error 22023
SELECT SPLIT_PART('a,b', ',', 0)

query error 54000
SELECT CHR(0)

query error 54000
SELECT CHR(-1)

query error 22011
SELECT SUBSTR('abc', 1, -1)

# ---- PostgreSQL's numeric functions ---------------------------------------------------------------------

query RRR
SELECT TRUNC(1.789, 1), TRUNC(-1.789), TRUNC(123.456, -1)
----
1.7 -1 120

query R
SELECT LOG(100)
----
2

query RR
SELECT DIV(7, 2), DIV(-7, 2)
----
3 -3

query B
SELECT RANDOM() BETWEEN 0 AND 1
----
true

# GREATEST and LEAST ignore NULLs.
query III
SELECT GREATEST(1, 5, 3), LEAST(4, 2, 8), GREATEST(1, NULL, 3)
----
5 2 3

query IIII
SELECT GCD(12, 18), GCD(-12, 0), GCD(0, 0), GCD(CAST(12 AS BIGINT), 18)
----
6 12 0 6

query error 2201E
SELECT LOG(0)

query error 2201E
SELECT LOG(-1)

query error 22012
SELECT DIV(7, 0)

query error 22003
SELECT GCD(-2147483648, 0)

# ---- PostgreSQL's date and time functions and operators ------------------------------------------------

query BB
SELECT NOW() IS NOT NULL, NOW() = CURRENT_TIMESTAMP
----
true true

query DDDD
SELECT DATE '2024-02-28' + 1, DATE '2024-02-29' - 1, 1 + DATE '2024-02-28', DATE '2024-02-28' + CAST(2 AS BIGINT)
----
2024-02-29 2024-02-28 2024-02-29 2024-03-01

query II
SELECT DATE '2024-03-01' - DATE '2024-02-28', DATE '2024-02-28' - DATE '2024-03-01'
----
2 -2

query D
SELECT DATE '2024-02-28' + CAST(NULL AS INTEGER)
----
NULL

query DDD
SELECT DATE_TRUNC('month', TIMESTAMP '2024-02-29 13:14:15'), DATE_TRUNC('week', TIMESTAMP '2024-02-29 13:14:15'), DATE_TRUNC('HOUR', TIMESTAMP '2024-02-29 13:14:15')
----
2024-02-01T00:00:00 2024-02-26T00:00:00 2024-02-29T13:00:00

query DD
SELECT DATE_TRUNC('year', DATE '2024-02-29'), DATE_TRUNC('century', TIMESTAMP '2024-02-29 13:14:15')
----
2024-01-01T00:00:00 2001-01-01T00:00:00

query D
SELECT MAKE_DATE(2024, 2, 29)
----
2024-02-29

query error 22023
SELECT DATE_TRUNC('fortnight', TIMESTAMP '2024-02-29 13:14:15')

query error 22008
SELECT MAKE_DATE(2023, 2, 29)

query error 22008
SELECT MAKE_DATE(0, 1, 1)

query error 22008
SELECT MAKE_DATE(5874897, 12, 31) + 1

# PostgreSQL has date + integer only.
query error 42883
SELECT DATE '2024-02-28' + 1.5

# ---- PostgreSQL's aggregates ----------------------------------------------------------------------------

statement ok
CREATE TABLE emp (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, dept VARCHAR(10), age INTEGER)

statement count 5
INSERT INTO emp VALUES (1, 'Fay', 'ENG', 30), (2, 'Ann', 'ENG', 25), (3, 'Bob', 'ENG', NULL), (4, 'Dee', 'OPS', 41),
  (5, 'Eve', NULL, 35)

query T
SELECT STRING_AGG(name, ',' ORDER BY name) FROM emp WHERE dept = 'ENG'
----
Ann,Bob,Fay

query TT rowsort
SELECT dept, STRING_AGG(name, '; ' ORDER BY id DESC) FROM emp WHERE dept IS NOT NULL GROUP BY dept
----
ENG 'Bob; Ann; Fay'
OPS Dee

# NULL values are skipped; no rows give NULL.
query BBB
SELECT BOOL_AND(age > 20), BOOL_OR(age > 40), BOOL_AND(age > 30) FROM emp
----
true true false

query TB
SELECT STRING_AGG(name, ','), BOOL_AND(age > 0) FROM emp WHERE id > 10
----
NULL NULL

# Texts built by LPAD, RPAD and REPEAT are bounded, so one statement cannot exhaust the heap.
statement error 54000
SELECT LPAD('x', 2000000000, 'ab')

statement error 54000
SELECT REPEAT('abc', 1000000000)

query I
SELECT LENGTH(REPEAT('ab', 1000))
----
2000

# The session's user (the embedded test connection names none) and the one schema.
query T
SELECT CURRENT_USER
----
basalt

query B
SELECT SESSION_USER = CURRENT_USER
----
true

query T
SELECT CURRENT_SCHEMA
----
PUBLIC
