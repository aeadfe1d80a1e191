<?php

namespace Acme\Market\Ordering\Domain;

/** Mapped in config/doctrine/Address.orm.xml. */
class Address
{
    public function __construct(private string $street, private string $city)
    {
    }

    public function city(): string
    {
        return $this->city;
    }
}
