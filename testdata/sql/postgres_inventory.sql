/* Inventory service: quoted names, a job queue, data-modifying CTEs,
   set-returning functions, partitions. A ; inside this comment; and -- too. */

CREATE TABLE inventory."Warehouse" (
    id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "Name" text NOT NULL
);

CREATE UNLOGGED TABLE inventory.job_queue (
    id          bigserial PRIMARY KEY,
    payload     jsonb NOT NULL,
    locked_by   text,
    done        boolean NOT NULL DEFAULT false
);

CREATE TABLE inventory.stock (
    warehouse_id integer NOT NULL REFERENCES inventory."Warehouse",
    sku          text NOT NULL,
    qty          integer NOT NULL DEFAULT 0,
    tags         text[] NOT NULL DEFAULT ARRAY[]::text[],
    PRIMARY KEY (warehouse_id, sku)
);

CREATE TABLE inventory.movements (
    id           bigserial,
    warehouse_id integer NOT NULL,
    sku          text NOT NULL,
    delta        integer NOT NULL,
    moved_at     timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (moved_at);

CREATE TABLE inventory.movements_2024 PARTITION OF inventory.movements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE inventory.movements_archive (LIKE inventory.movements INCLUDING ALL);

ALTER TABLE inventory.movements
    ADD COLUMN IF NOT EXISTS reason_id integer REFERENCES inventory.reasons (id);

CREATE TABLE inventory.reasons (
    id    integer PRIMARY KEY,
    label text NOT NULL
);

-- Claim one job: the queue pattern.
CREATE FUNCTION inventory.claim_job(p_worker text) RETURNS bigint
LANGUAGE plpgsql AS $fn$
DECLARE
    v_id bigint;
BEGIN
    SELECT id INTO v_id
    FROM inventory.job_queue
    WHERE NOT done AND locked_by IS NULL
    ORDER BY id
    FOR UPDATE SKIP LOCKED
    LIMIT 1;

    UPDATE inventory.job_queue SET locked_by = p_worker WHERE id = v_id;
    RETURN v_id;
END
$fn$;

-- A set-returning function used as a table.
CREATE FUNCTION inventory.stock_report(p_min integer DEFAULT 0)
RETURNS TABLE (warehouse text, sku text, qty integer)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY
        SELECT w."Name", s.sku, s.qty
        FROM inventory.stock s
        JOIN inventory."Warehouse" w ON w.id = s.warehouse_id
        WHERE s.qty >= p_min AND 'fragile' = ANY (s.tags);
END;
$$;

-- A SQL-standard function body (PostgreSQL 14).
CREATE FUNCTION inventory.total_qty(p_sku text) RETURNS bigint
LANGUAGE sql
BEGIN ATOMIC
    SELECT sum(qty) FROM inventory.stock WHERE sku = p_sku;
END;

-- Archive old movements in one statement.
CREATE PROCEDURE inventory.archive_movements(p_before timestamptz)
LANGUAGE sql AS $$
    WITH moved AS (
        DELETE FROM inventory.movements WHERE moved_at < p_before RETURNING *
    )
    INSERT INTO inventory.movements_archive SELECT * FROM moved;
$$;

CREATE FUNCTION inventory.apply_movement() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO inventory.stock AS s (warehouse_id, sku, qty)
    VALUES (NEW.warehouse_id, NEW.sku, NEW.delta)
    ON CONFLICT (warehouse_id, sku) DO UPDATE SET qty = s.qty + EXCLUDED.qty
    WHERE s.qty + EXCLUDED.qty >= 0;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'stock of % would go negative; refusing', NEW.sku;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER movement_applied
    AFTER INSERT ON inventory.movements
    FOR EACH ROW
    WHEN (NEW.delta <> 0)
    EXECUTE FUNCTION inventory.apply_movement();

-- Statements of the script.
SELECT r.* FROM inventory.stock_report(10) AS r WHERE r.qty > 0;

UPDATE inventory.stock AS s
SET qty = 0
FROM inventory."Warehouse" AS w
WHERE w.id = s.warehouse_id AND w."Name" = E'Closed \'North\'';

SELECT inventory.claim_job('worker-1'), inventory.total_qty('A-1');

SELECT 'inventory.reasons'::regclass;
