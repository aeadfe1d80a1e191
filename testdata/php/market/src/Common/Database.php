<?php

namespace Acme\Market\Common;

/**
 * A thin wrapper around PDO, the old way: no typed properties.
 */
class Database
{
    /** @var \PDO */
    private $pdo;

    /**
     * @param \PDO $pdo
     */
    public function __construct($pdo)
    {
        $this->pdo = $pdo;
    }

    /**
     * @param string $sql
     * @return array
     */
    public function query($sql, array $params = [])
    {
        $statement = $this->pdo->prepare($sql);
        $statement->execute($params);
        return $statement->fetchAll();
    }

    public function lastId(): string
    {
        return $this->pdo->lastInsertId();
    }
}
