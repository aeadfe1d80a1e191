<?php

namespace Acme\Market\Ordering\Domain;

use Doctrine\ORM\Mapping as ORM;

/**
 * @ORM\Entity
 */
class Customer
{
    /**
     * @ORM\Id
     * @ORM\Column(type="string")
     */
    private string $id;

    /**
     * @ORM\ManyToMany(targetEntity="Address")
     * @ORM\JoinTable(name="customer_address_links")
     */
    private $addresses;

    public function __construct(string $id, private string $email)
    {
        $this->id = $id;
    }

    public function email(): string
    {
        return $this->email;
    }
}
