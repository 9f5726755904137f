# Errors where Basalt's SQLState differs from PostgreSQL's (the one expected here).

statement ok
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)

statement count 2
INSERT INTO t VALUES (1, 10), (2, 0)

# Basalt: 42601 "Illegal DATE literal", raised by the parser (a grammar change). PostgreSQL: 22008
# date/time field out of range, as Basalt reports for a cast (golden/errors.sql).
query error 22008
SELECT DATE '2024-02-30'

# Basalt: 42803; PostgreSQL: 42P10 for SELECT DISTINCT, ORDER BY expressions must appear in select list.
query error 42P10
SELECT DISTINCT n FROM t ORDER BY id

# Basalt: 42601 "Ordinal out of range"; PostgreSQL: 42P10.
query error 42P10
SELECT id FROM t ORDER BY 5

query error 42P10
SELECT id FROM t GROUP BY 5

# Basalt: 42601; PostgreSQL: 42804 argument of WHERE must be type boolean.
query error 42804
SELECT id FROM t WHERE n

# Basalt: 42601; PostgreSQL: 42712 table name specified more than once.
query error 42712
SELECT * FROM t a, t a

# Basalt: 42601 (a negative number is not in its LIMIT/OFFSET grammar); PostgreSQL: 2201W / 2201X.
query error 2201W
SELECT id FROM t LIMIT -1

query error 2201X
SELECT id FROM t OFFSET -1

