<?php

namespace Acme\Market\Ordering\Infrastructure;

use Acme\Market\Ordering\Domain\{Customer, Order, OrderRepository, OrderStatus};
use Doctrine\Bundle\DoctrineBundle\Repository\ServiceEntityRepository;
use Doctrine\Persistence\ManagerRegistry;

final class DoctrineOrderRepository extends ServiceEntityRepository implements OrderRepository
{
    public function __construct(ManagerRegistry $registry)
    {
        parent::__construct($registry, Order::class);
    }

    public function save(Order $order): void
    {
        $this->getEntityManager()->persist($order);
        $this->getEntityManager()->flush();
    }

    public function get(string $id): ?Order
    {
        return $this->find($id);
    }

    public function openFor(Customer $customer): array
    {
        return $this->findBy(['customer' => $customer, 'status' => OrderStatus::Open]);
    }
}
