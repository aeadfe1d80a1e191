import logging
from typing import Callable

log = logging.getLogger(__name__)

_subscribers: dict[type, list[Callable]] = {}


class DomainEvent:
    name = "event"

    def describe(self) -> str:
        return self.name


def subscribe(event_type: type, handler: Callable) -> None:
    _subscribers.setdefault(event_type, []).append(handler)


def publish(event: DomainEvent) -> None:
    log.info("publishing %s", event.describe())
    for handler in _subscribers.get(type(event), []):
        handler(event)


def handles(event_type: type):
    """A decorator: the function handles events of event_type."""

    def register(fn):
        subscribe(event_type, fn)
        return fn

    return register
