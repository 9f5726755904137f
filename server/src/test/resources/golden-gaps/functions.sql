# Functions PostgreSQL has and Basalt lacks (42883 unless noted), and wrong results.

# ---- Wrong results -----------------------------------------------------------------------------------

# Basalt: BIGINT 15, the fraction is lost. PostgreSQL's EXTRACT returns NUMERIC (since 14).
query R
SELECT EXTRACT(SECOND FROM TIMESTAMP '2024-02-29 13:14:15.5')
----
15.500000

query R
SELECT EXTRACT(YEAR FROM DATE '2024-02-29')
----
2024

# Basalt: DATE 2024-02-29. In PostgreSQL DATE + INTERVAL is a TIMESTAMP.
query D
SELECT DATE '2024-01-31' + INTERVAL '1' MONTH
----
2024-02-29T00:00:00

# ---- String functions ------------------------------------------------------------------------------

query I
SELECT LENGTH('abc')
----
3

query TT
SELECT SUBSTR('abcdef', 2, 3), SUBSTR('abcdef', 3)
----
bcd cdef

query I
SELECT STRPOS('abcdef', 'cd')
----
3

query TTT
SELECT LTRIM('  ab'), RTRIM('ab  '), BTRIM('xxabxx', 'x')
----
ab ab ab

query TT
SELECT LEFT('abcdef', 2), RIGHT('abcdef', 2)
----
ab ef

query TT
SELECT LPAD('7', 3, '0'), RPAD('ab', 4, '*')
----
007 ab**

query TT
SELECT CONCAT('a', NULL, 'b', 1), CONCAT_WS('-', 'a', NULL, 'b')
----
ab1 a-b

query TTT
SELECT REPEAT('ab', 3), REVERSE('abc'), INITCAP('hello world')
----
ababab cba 'Hello World'

query T
SELECT SPLIT_PART('a,b,c', ',', 2)
----
b

query T
SELECT CHR(66)
----
B

query T
SELECT MD5('abc')
----
900150983cd24fb0d6963f7d28e17f72

query T
SELECT TRANSLATE('12345', '143', 'ax')
----
a2x5

# ---- Numeric functions -----------------------------------------------------------------------------

query RRR
SELECT TRUNC(1.789, 1), TRUNC(-1.789), TRUNC(123.456, -1)
----
1.7 -1 120

query R
SELECT LOG(100)
----
2

query R
SELECT LOG(2, 8)
----
3.0000000000000000

query R
SELECT DIV(7, 2)
----
3

query B
SELECT RANDOM() BETWEEN 0 AND 1
----
true

query II
SELECT GREATEST(1, 5, 3), LEAST(4, 2, 8)
----
5 2

query I
SELECT GCD(12, 18)
----
6

# Basalt: 42601.
query I
SELECT WIDTH_BUCKET(5, 0, 10, 5)
----
3

# ---- Date and time functions and operators ------------------------------------------------------------

query B
SELECT NOW() IS NOT NULL
----
true

query DD
SELECT DATE '2024-02-28' + 1, DATE '2024-02-29' - 1
----
2024-02-29 2024-02-28

query I
SELECT DATE '2024-03-01' - DATE '2024-02-28'
----
2

query T
SELECT CAST(TIMESTAMP '2024-02-29 13:14:15' - TIMESTAMP '2024-02-28 12:00:00' AS VARCHAR)
----
'1 day 01:14:15'

query T
SELECT CAST(TIME '10:00:00' - TIME '09:30:00' AS VARCHAR)
----
00:30:00

query I
SELECT CAST(EXTRACT(EPOCH FROM TIME '01:00:00') AS INTEGER)
----
3600

query D
SELECT DATE_TRUNC('month', TIMESTAMP '2024-02-29 13:14:15')
----
2024-02-01T00:00:00

query T
SELECT TO_CHAR(DATE '2024-02-29', 'YYYY-MM-DD')
----
2024-02-29

query D
SELECT MAKE_DATE(2024, 2, 29)
----
2024-02-29
