<?php

namespace Acme\Market\Ordering\Domain;

use Acme\Market\Common\Money;
use Doctrine\ORM\Mapping as ORM;

/**
 * @ORM\Entity
 * @ORM\Table(name="order_lines")
 */
class OrderLine
{
    /**
     * @ORM\ManyToOne(targetEntity="Order", inversedBy="lines")
     * @ORM\JoinColumn(name="order_id", referencedColumnName="id")
     */
    private $order;

    /**
     * @param Order $order
     */
    public function __construct($order, private int $productId, private int $qty, private Money $unit)
    {
        $this->order = $order;
    }

    public function subtotal(): Money
    {
        return $this->unit->times($this->qty);
    }

    public function order(): Order
    {
        return $this->order;
    }
}
