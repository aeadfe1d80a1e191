<?php

namespace Acme\Market\Ordering\Domain;

class OrderError extends \DomainException
{
}
