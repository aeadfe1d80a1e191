"""The shared kernel: money, events, base models, the billing database."""
from .money import Money
from .events import DomainEvent, publish
