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
