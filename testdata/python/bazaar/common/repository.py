from typing import Generic, TypeVar

T = TypeVar("T")


class Repository(Generic[T]):
    """A collection of aggregates of type T."""

    def add(self, item: T) -> None:
        raise NotImplementedError

    def get(self, key: int) -> T:
        raise NotImplementedError
