-- A MySQL CRM schema: backticks, ENGINE options, procedures between
-- DELIMITER lines, upserts, multi-table UPDATE and DELETE, triggers.

SET NAMES utf8mb4;
SET FOREIGN_KEY_CHECKS = 0;

CREATE TABLE IF NOT EXISTS `accounts` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(120) NOT NULL,
  `owner_id` INT UNSIGNED DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_owner` (`owner_id`),
  CONSTRAINT `fk_accounts_owner` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `users` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  `email` VARCHAR(190) NOT NULL UNIQUE,
  `last_login` DATETIME NULL
) ENGINE=InnoDB;

CREATE TABLE `contacts` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  `account_id` INT UNSIGNED NOT NULL,
  `email` VARCHAR(190) NOT NULL,
  `score` INT NOT NULL DEFAULT 0,
  UNIQUE KEY `uq_contact` (`account_id`, `email`),
  FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`)
) ENGINE=InnoDB;

CREATE TABLE crm.activities (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  contact_id INT UNSIGNED NOT NULL,
  kind ENUM('call','mail','meeting') NOT NULL,
  happened_at DATETIME NOT NULL,
  CONSTRAINT fk_activity_contact FOREIGN KEY (contact_id) REFERENCES contacts (id)
);

CREATE TABLE `daily_stats` (
  `day` DATE NOT NULL PRIMARY KEY,
  `activities` INT NOT NULL DEFAULT 0
);

CREATE TABLE `login_audit` (
  `user_id` INT UNSIGNED NOT NULL,
  `at` DATETIME NOT NULL
);

CREATE OR REPLACE VIEW `v_account_contacts` AS
  SELECT a.`id` AS account_id, a.`name`, COUNT(c.`id`) AS contacts
  FROM `accounts` a LEFT JOIN `contacts` c ON c.`account_id` = a.`id`
  GROUP BY a.`id`, a.`name`;

DELIMITER $$

CREATE DEFINER=`crm`@`%` PROCEDURE `log_activity`(IN p_contact INT, IN p_kind VARCHAR(10))
BEGIN
  DECLARE v_day DATE DEFAULT CURDATE();
  INSERT INTO crm.activities (contact_id, kind, happened_at) VALUES (p_contact, p_kind, NOW());
  INSERT INTO `daily_stats` (`day`, `activities`) VALUES (v_day, 1)
    ON DUPLICATE KEY UPDATE `activities` = `activities` + 1;
  CALL bump_score(p_contact, 1);
END$$

CREATE PROCEDURE bump_score(IN p_contact INT, IN p_by INT)
BEGIN
  UPDATE contacts c
    JOIN accounts a ON a.id = c.account_id
     SET c.score = c.score + p_by
   WHERE c.id = p_contact AND a.name <> 'blocked';
END$$

CREATE FUNCTION contact_count(p_account INT) RETURNS INT
  READS SQL DATA
  DETERMINISTIC
BEGIN
  DECLARE n INT;
  SELECT COUNT(*) INTO n FROM contacts WHERE account_id = p_account;
  RETURN n;
END$$

CREATE PROCEDURE merge_accounts(IN p_from INT, IN p_into INT)
BEGIN
  DECLARE done INT DEFAULT 0;
  DECLARE v_id INT;
  DECLARE cur CURSOR FOR SELECT id FROM contacts WHERE account_id = p_from;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;

  START TRANSACTION;
  OPEN cur;
  read_loop: LOOP
    FETCH cur INTO v_id;
    IF done THEN
      LEAVE read_loop;
    END IF;
    REPLACE INTO contacts (id, account_id, email, score)
      SELECT id, p_into, email, score FROM contacts WHERE id = v_id;
  END LOOP;
  CLOSE cur;

  DELETE a, c FROM accounts a LEFT JOIN contacts c ON c.account_id = a.id WHERE a.id = p_from;
  COMMIT;
END$$

CREATE PROCEDURE purge_table(IN p_table VARCHAR(64))
BEGIN
  SET @sql = CONCAT('DELETE FROM ', p_table, ' WHERE created_at < NOW() - INTERVAL 1 YEAR');
  PREPARE stmt FROM @sql;
  EXECUTE stmt;
  DEALLOCATE PREPARE stmt;
  SET @sql2 = CONCAT('DELETE FROM login_audit WHERE user_id = ', p_table);
  PREPARE stmt2 FROM @sql2;
  EXECUTE stmt2;
END$$

CREATE TRIGGER trg_users_login AFTER UPDATE ON `users`
FOR EACH ROW
BEGIN
  IF NEW.last_login <> OLD.last_login THEN
    INSERT INTO login_audit (user_id, at) VALUES (NEW.id, NEW.last_login);
  END IF;
END$$

CREATE TRIGGER trg_contacts_bi BEFORE INSERT ON contacts FOR EACH ROW SET NEW.email = LOWER(NEW.email)$$

DELIMITER ;

INSERT IGNORE INTO users (email) VALUES ('admin@example.com');
UPDATE users u, login_audit l SET u.last_login = l.at WHERE l.user_id = u.id;
DELETE FROM login_audit WHERE at < '2020-01-01';
SELECT contact_count(1);
CALL log_activity(1, 'call');
