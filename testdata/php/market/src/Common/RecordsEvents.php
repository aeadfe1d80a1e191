<?php

namespace Acme\Market\Common;

trait RecordsEvents
{
    /** @var DomainEvent[] */
    private array $events = [];

    protected function record(DomainEvent $event): void
    {
        $this->events[] = $event;
    }

    /** @return DomainEvent[] */
    public function pullEvents(): array
    {
        $events = $this->events;
        $this->events = [];
        return $events;
    }
}
