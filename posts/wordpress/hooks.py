"""What other apps add to a WordPress import, without posts importing them.

An item handler runs for every imported article, inside that article's transaction, so a
failure undoes the whole item; a finish handler runs once after the last item.
"""

from collections.abc import Callable

_item_handlers: list[Callable] = []
_finish_handlers: list[Callable] = []


def register_item_handler(handler: Callable) -> None:
    """handler(context, item, post): import what the app keeps of one article (its
    comments, its reaction counts). `item` is a posts.wordpress.wxr.Item."""
    if handler not in _item_handlers:
        _item_handlers.append(handler)


def register_finish_handler(handler: Callable) -> None:
    """handler(context): runs once after every item."""
    if handler not in _finish_handlers:
        _finish_handlers.append(handler)


def item_handlers() -> list[Callable]:
    return list(_item_handlers)


def finish_handlers() -> list[Callable]:
    return list(_finish_handlers)
