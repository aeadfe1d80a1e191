<?php

// The payments module from before namespaces and Composer: mysqli,
// a table prefix constant, PHPDoc instead of types.

class LegacyPayments
{
    /** @var mysqli */
    var $link;

    function __construct($link)
    {
        $this->link = $link;
    }

    /**
     * @param string $number
     * @param int $cents
     */
    function record($number, $cents)
    {
        mysqli_query($this->link, "INSERT INTO `" . DB_PREFIX . "payments` (invoice_number, cents) VALUES ('" . $number . "', " . (int) $cents . ")");
    }

    function total($number)
    {
        $sql = "SELECT SUM(cents) AS total FROM `" . DB_PREFIX . "payments`";
        $sql .= " WHERE invoice_number = '" . mysqli_real_escape_string($this->link, $number) . "'";
        $result = $this->link->query($sql);
        $row = $result->fetch_assoc();
        return (int) $row['total'];
    }
}
