-- Tables with a foreign key, an index and a sequence: the DDL a first migration usually has.
CREATE TABLE customer (
    id INTEGER PRIMARY KEY,
    name VARCHAR(40) NOT NULL
);

CREATE TABLE purchase (
    id BIGINT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    amount DECIMAL(10, 2) NOT NULL
);

CREATE INDEX purchase_customer ON purchase (customer_id);

CREATE SEQUENCE purchase_ids START WITH 1000;
