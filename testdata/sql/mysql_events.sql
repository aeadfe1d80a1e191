-- MySQL events: handlers, SIGNAL, procedures calling procedures, a
-- two-table UPDATE that writes both, NOWAIT locks, a checked view.

CREATE TABLE event_log (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind VARCHAR(32) NOT NULL,
  body JSON
);

CREATE TABLE event_counters (
  kind VARCHAR(32) PRIMARY KEY,
  n BIGINT NOT NULL DEFAULT 0,
  last_id BIGINT,
  CONSTRAINT fk_counter_last FOREIGN KEY (last_id) REFERENCES event_log (id)
);

CREATE TABLE event_dead (
  id BIGINT PRIMARY KEY,
  reason VARCHAR(200)
);

CREATE VIEW recent_events AS
  SELECT id, kind FROM event_log WHERE id > (SELECT MAX(id) - 100 FROM event_log)
  WITH CASCADED CHECK OPTION;

DELIMITER ;;

CREATE PROCEDURE record_event(IN p_kind VARCHAR(32), IN p_body JSON)
BEGIN
  DECLARE v_id BIGINT;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    ROLLBACK;
    INSERT INTO event_dead (id, reason) VALUES (0, 'failed');
    RESIGNAL;
  END;

  IF p_kind IS NULL THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'kind required';
  END IF;

  START TRANSACTION;
  INSERT INTO event_log (kind, body) VALUES (p_kind, p_body);
  SET v_id = LAST_INSERT_ID();
  CALL bump_counter(p_kind, v_id);
  COMMIT;
END;;

CREATE PROCEDURE bump_counter(IN p_kind VARCHAR(32), IN p_id BIGINT)
BEGIN
  SELECT n FROM event_counters WHERE kind = p_kind FOR UPDATE NOWAIT;
  UPDATE event_counters c
    INNER JOIN event_log l ON l.id = p_id
     SET c.n = c.n + 1, c.last_id = l.id, l.body = JSON_SET(l.body, '$.counted', TRUE)
   WHERE c.kind = p_kind;
END;;

CREATE FUNCTION is_dead(p_id BIGINT) RETURNS BOOLEAN READS SQL DATA
BEGIN
  RETURN EXISTS (SELECT 1 FROM event_dead WHERE id = p_id);
END;;

CREATE TRIGGER event_log_bd BEFORE DELETE ON event_log FOR EACH ROW
BEGIN
  DELETE FROM event_counters WHERE last_id = OLD.id;
END;;

DELIMITER ;

SELECT e.id FROM event_log e WHERE NOT is_dead(e.id);
INSERT INTO event_counters (kind, n) SELECT 'boot', 0 FROM dual;
