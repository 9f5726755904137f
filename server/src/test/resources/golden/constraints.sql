# FOREIGN KEY (ON DELETE RESTRICT / CASCADE / SET NULL, composite, self-referencing), CHECK,
# and how they refuse bad rows and bad definitions.

statement ok
CREATE TABLE district (w_id INT, d_id INT, name VARCHAR(10), PRIMARY KEY (w_id, d_id))

statement ok
CREATE TABLE customer (w_id INT, d_id INT, c_id INT, balance DECIMAL(8,2) CHECK (balance >= -1000),
  PRIMARY KEY (w_id, d_id, c_id), FOREIGN KEY (w_id, d_id) REFERENCES district ON DELETE CASCADE)

statement ok
CREATE TABLE payment (id INT PRIMARY KEY, w_id INT, d_id INT, c_id INT, amount DECIMAL(8,2),
  CONSTRAINT paid_by FOREIGN KEY (w_id, d_id, c_id) REFERENCES customer (w_id, d_id, c_id),
  CONSTRAINT positive CHECK (amount > 0))

statement count 2
INSERT INTO district VALUES (1, 1, 'north'), (1, 2, 'south')

statement count 3
INSERT INTO customer VALUES (1, 1, 1, 0), (1, 1, 2, 10), (1, 2, 1, NULL)

statement error 23503
INSERT INTO customer VALUES (1, 3, 1, 0)

statement error 23514
INSERT INTO customer VALUES (1, 1, 3, -2000)

statement error 23514
UPDATE customer SET balance = balance - 1005 WHERE c_id = 1 AND d_id = 1

statement count 1
INSERT INTO payment VALUES (1, 1, 1, 2, 5.00)

statement error 23514
INSERT INTO payment VALUES (2, 1, 1, 2, 0)

statement error 23503
INSERT INTO payment VALUES (2, 1, 1, 9, 5.00)

# A NULL in a referencing column references nothing (MATCH SIMPLE).
statement count 1
INSERT INTO payment VALUES (2, 1, NULL, 9, 5.00)

# Payments restrict deleting their customer; customers cascade from their district.
statement error 23503
DELETE FROM customer WHERE w_id = 1 AND d_id = 1 AND c_id = 2

statement error 23503
DELETE FROM district WHERE w_id = 1 AND d_id = 1

statement count 1
DELETE FROM payment WHERE id = 1

statement count 1
DELETE FROM district WHERE w_id = 1 AND d_id = 1

query III
SELECT w_id, d_id, c_id FROM customer
----
1 2 1

# ON DELETE SET NULL, and a table that references itself.
statement ok
CREATE TABLE employee (id INT PRIMARY KEY, boss INT REFERENCES employee ON DELETE SET NULL)

statement count 3
INSERT INTO employee VALUES (1, NULL), (2, 1), (3, 1)

statement count 1
DELETE FROM employee WHERE id = 1

query II
SELECT id, boss FROM employee ORDER BY id
----
2 NULL
3 NULL

# Bad definitions fail the CREATE TABLE.
statement error 42P01
CREATE TABLE c1 (id INT PRIMARY KEY, p INT REFERENCES nope)

statement error 42830
CREATE TABLE c2 (id INT PRIMARY KEY, n VARCHAR(10) REFERENCES district (name))

statement error 42804
CREATE TABLE c3 (id INT PRIMARY KEY, n VARCHAR(10), m INT, FOREIGN KEY (n, m) REFERENCES district)

statement error 42703
CREATE TABLE c4 (id INT PRIMARY KEY, v INT CHECK (w > 0))

statement error 42804
CREATE TABLE c5 (id INT PRIMARY KEY, v INT CHECK (v + 1))

# A referenced table is dropped only with CASCADE, which drops the referencing constraint.
statement error 2BP01
DROP TABLE customer

statement ok
DROP TABLE customer CASCADE

statement count 1
INSERT INTO payment VALUES (3, 7, 7, 7, 1.00)
