-- The first statement applies (migrations run in autocommit on Basalt); the second breaks the
-- foreign key to customer and fails with 23503.
INSERT INTO customer (id, name) VALUES (3, 'cy');
INSERT INTO purchase (id, customer_id, amount) VALUES (2000, 99, 1.00);
