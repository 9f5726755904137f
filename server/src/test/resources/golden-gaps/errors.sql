# Errors where Basalt's SQLState differs from PostgreSQL's (the one expected here).

statement ok
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)

statement count 2
INSERT INTO t VALUES (1, 10), (2, 0)

# Basalt: 42601 "Illegal DATE literal", raised by the parser (a grammar change). PostgreSQL: 22008
# date/time field out of range, as Basalt reports for a cast (golden/errors.sql).
query error 22008
SELECT DATE '2024-02-30'

# Basalt: 42601 (a negative number is not in its LIMIT/OFFSET grammar: a grammar change); PostgreSQL:
# 2201W / 2201X.
query error 2201W
SELECT id FROM t LIMIT -1

query error 2201X
SELECT id FROM t OFFSET -1

