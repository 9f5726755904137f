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

# Basalt: DOUBLE 3. PostgreSQL has LOG(base, x) for NUMERIC only, with a scale that depends on
# the value; Basalt's LOG of two arguments computes in DOUBLE.
query R
SELECT LOG(2, 8)
----
3.0000000000000000

# ---- Numeric functions -----------------------------------------------------------------------------

# Basalt: 42601. WIDTH_BUCKET is a reserved word in Calcite's parser, which has no rule for the call.
query I
SELECT WIDTH_BUCKET(5, 0, 10, 5)
----
3

# ---- Date and time functions and operators ------------------------------------------------------------

# Basalt has no INTERVAL values with PostgreSQL's text form, so TIMESTAMP - TIMESTAMP and TIME - TIME
# are refused (42883).
query T
SELECT CAST(TIMESTAMP '2024-02-29 13:14:15' - TIMESTAMP '2024-02-28 12:00:00' AS VARCHAR)
----
'1 day 01:14:15'

query T
SELECT CAST(TIME '10:00:00' - TIME '09:30:00' AS VARCHAR)
----
00:30:00

# Basalt: 42883, Calcite's EXTRACT has no EPOCH of a TIME.
query I
SELECT CAST(EXTRACT(EPOCH FROM TIME '01:00:00') AS INTEGER)
----
3600

# Basalt: 42883, no TO_CHAR (Calcite's PostgreSQL TO_CHAR fails at run time).
query T
SELECT TO_CHAR(DATE '2024-02-29', 'YYYY-MM-DD')
----
2024-02-29
