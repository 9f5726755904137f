ALTER TABLE customer ADD COLUMN tier VARCHAR(10) DEFAULT 'basic' NOT NULL;

INSERT INTO customer (id, name) VALUES (1, 'ada'), (2, 'bob');
INSERT INTO purchase (id, customer_id, amount) VALUES (NEXT VALUE FOR purchase_ids, 1, 9.99);
