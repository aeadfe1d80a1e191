# A MySQL shop: hash comments, backslash escapes, loops, CASE statements,
# INSERT ... SET, locking reads.

CREATE TABLE `shop_orders` (
  `id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  `customer` VARCHAR(100) NOT NULL,
  `state` VARCHAR(20) NOT NULL DEFAULT 'new',
  `note` TEXT
) ENGINE=InnoDB;

CREATE TABLE `shop_items` (
  `order_id` BIGINT NOT NULL,
  `sku` VARCHAR(40) NOT NULL,
  `qty` INT NOT NULL,
  PRIMARY KEY (`order_id`, `sku`),
  CONSTRAINT `fk_items_order` FOREIGN KEY (`order_id`) REFERENCES `shop_orders` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE `sku_stock` (
  `sku` VARCHAR(40) NOT NULL PRIMARY KEY,
  `qty` INT NOT NULL
);

CREATE TABLE `order_events` LIKE `shop_orders`;

CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW `open_orders` AS
  SELECT o.id, o.customer FROM shop_orders o WHERE o.state = 'open';

INSERT INTO shop_orders SET customer = 'O\'Brien; Ltd', state = 'open', note = 'say "hi" -- not a comment';

DELIMITER //

CREATE PROCEDURE reserve_stock(IN p_order BIGINT)
BEGIN
  DECLARE v_sku VARCHAR(40);
  DECLARE v_qty INT;
  DECLARE v_left INT;
  DECLARE v_done BOOL DEFAULT FALSE;
  DECLARE items CURSOR FOR
    SELECT sku, qty FROM shop_items WHERE order_id = p_order;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_done = TRUE;

  OPEN items;
  item_loop: WHILE NOT v_done DO
    FETCH items INTO v_sku, v_qty;
    IF NOT v_done THEN
      SELECT qty INTO v_left FROM sku_stock WHERE sku = v_sku FOR UPDATE;
      CASE
        WHEN v_left >= v_qty THEN
          UPDATE sku_stock SET qty = qty - v_qty WHERE sku = v_sku;
        ELSE
          UPDATE shop_orders SET state = 'backorder' WHERE id = p_order;
      END CASE;
    END IF;
  END WHILE item_loop;
  CLOSE items;
END //

CREATE PROCEDURE retry_pending()
BEGIN
  DECLARE n INT DEFAULT 0;
  REPEAT
    SET n = n + 1;
    INSERT INTO order_events (customer, state)
      SELECT customer, 'retried' FROM shop_orders WHERE state = 'pending' LOCK IN SHARE MODE;
  UNTIL n >= 3 END REPEAT;
END //

CREATE FUNCTION order_size(p_order BIGINT) RETURNS INT DETERMINISTIC
RETURN (SELECT COALESCE(SUM(qty), 0) FROM shop_items WHERE order_id = p_order) //

DELIMITER ;

DELETE i FROM shop_items i INNER JOIN shop_orders o ON o.id = i.order_id WHERE o.state = 'cancelled';

REPLACE INTO sku_stock SET sku = 'X-1', qty = 5;

INSERT INTO sku_stock (sku, qty)
  SELECT sku, SUM(qty) FROM shop_items GROUP BY sku
  ON DUPLICATE KEY UPDATE qty = VALUES(qty);

LOCK TABLES sku_stock WRITE, shop_items READ;
UNLOCK TABLES;

SELECT id, order_size(id) FROM shop_orders WHERE state = 'open';
