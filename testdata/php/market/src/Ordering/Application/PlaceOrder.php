<?php

namespace Acme\Market\Ordering\Application;

use Acme\Market\Catalog\Services\CatalogService;
use Acme\Market\Common\Clock;
use Acme\Market\Ordering\Domain\Address;
use Acme\Market\Ordering\Domain\Customer;
use Acme\Market\Ordering\Domain\Order;
use Acme\Market\Ordering\Domain\OrderRepository;
use Doctrine\ORM\EntityManagerInterface;

final class PlaceOrder
{
    public function __construct(
        private OrderRepository $orders,
        private CatalogService $catalog,
        private EntityManagerInterface $em,
        private Clock $clock,
    ) {
    }

    /**
     * @param array<int, int> $items product id => quantity
     */
    public function __invoke(string $customerId, array $items): Order
    {
        $customer = $this->em->getRepository(Customer::class)->find($customerId);
        $order = Order::place(uniqid('o', true), $customer);
        foreach ($items as $productId => $qty) {
            $order->addLine($productId, $qty, $this->catalog->price($productId));
        }
        $this->orders->save($order);
        return $order;
    }

    /** @return Address[] */
    public function addressesOf(string $city): array
    {
        return $this->em->getRepository(Address::class)->findBy(['city' => $city]);
    }

    public function recentTotals(): array
    {
        $since = $this->clock->now()->modify('-7 days');
        $query = $this->em->createQueryBuilder()
            ->select('o')
            ->from(Order::class, 'o')
            ->where('o.placedAt > :since')
            ->setParameter('since', $since)
            ->getQuery();
        return array_map(fn (Order $o) => $o->total()->cents, $query->getResult());
    }

    public function cancelStale(): int
    {
        return $this->em->createQuery('UPDATE Acme\Market\Ordering\Domain\Order o SET o.status = :s WHERE o.placedAt < :d')
            ->execute(['s' => 'cancelled', 'd' => $this->clock->now()->modify('-30 days')]);
    }
}
