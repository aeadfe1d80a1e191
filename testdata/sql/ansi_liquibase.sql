--liquibase formatted sql

--changeset alice:1
CREATE TABLE warehouse (
    id   INTEGER PRIMARY KEY,
    name VARCHAR(60) NOT NULL
);
--rollback DROP TABLE warehouse;

--changeset alice:2
CREATE TABLE shelf (
    id           INTEGER PRIMARY KEY,
    warehouse_id INTEGER NOT NULL,
    label        VARCHAR(20)
);
ALTER TABLE shelf ADD CONSTRAINT fk_shelf_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouse (id);
--rollback ALTER TABLE shelf DROP CONSTRAINT fk_shelf_warehouse;
--rollback DROP TABLE shelf;

--changeset bob:3 context:prod
INSERT INTO warehouse (id, name) VALUES (1, 'Main');
UPDATE shelf SET label = upper(label) WHERE warehouse_id = (SELECT id FROM warehouse WHERE name = 'Main');
--rollback DELETE FROM warehouse WHERE id = 1;

--changeset bob:4 splitStatements:false endDelimiter:/
CREATE VIEW shelf_usage AS
SELECT w.name, count(s.id) AS shelves
FROM warehouse w LEFT JOIN shelf s ON s.warehouse_id = w.id
GROUP BY w.name
/
