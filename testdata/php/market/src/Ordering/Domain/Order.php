<?php

namespace Acme\Market\Ordering\Domain;

use Acme\Market\Common\AggregateRoot;
use Acme\Market\Common\Attribute\Audited;
use Acme\Market\Common\Money;
use Acme\Market\Ordering\Infrastructure\DoctrineOrderRepository;
use Doctrine\Common\Collections\ArrayCollection;
use Doctrine\Common\Collections\Collection;
use Doctrine\ORM\Mapping as ORM;

#[ORM\Entity(repositoryClass: DoctrineOrderRepository::class)]
#[ORM\Table(name: 'orders')]
#[Audited]
class Order extends AggregateRoot
{
    #[ORM\Id, ORM\Column]
    private string $id;

    #[ORM\ManyToOne(inversedBy: 'orders')]
    private Customer $customer;

    /** @var Collection<int, OrderLine> */
    #[ORM\OneToMany(targetEntity: OrderLine::class, mappedBy: 'order', cascade: ['persist'])]
    private Collection $lines;

    #[ORM\Column(enumType: OrderStatus::class)]
    private OrderStatus $status = OrderStatus::Open;

    private function __construct(string $id, Customer $customer)
    {
        $this->id = $id;
        $this->customer = $customer;
        $this->lines = new ArrayCollection();
    }

    public static function place(string $id, Customer $customer): self
    {
        $order = new self($id, $customer);
        $order->record(new OrderPlaced($id));
        return $order;
    }

    public function id(): string
    {
        return $this->id;
    }

    public function addLine(int $productId, int $qty, Money $unit): OrderLine
    {
        $line = new OrderLine($this, $productId, $qty, $unit);
        $this->lines->add($line);
        return $line;
    }

    public function total(): Money
    {
        $total = Money::zero();
        foreach ($this->lines as $line) {
            $total = $total->add($line->subtotal());
        }
        return $total;
    }

    public function customer(): Customer
    {
        return $this->customer;
    }

    public function status(): OrderStatus
    {
        return $this->status;
    }

    public function markPaid(): void
    {
        if ($this->status->isFinal()) {
            throw new OrderError('order ' . $this->id . ' is ' . $this->status->label());
        }
        $this->status = OrderStatus::Paid;
    }
}
