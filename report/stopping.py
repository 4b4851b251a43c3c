"""Turn Ctrl-C and a stop signal (SIGTERM) into one exception that unwinds a build, cleaning up as it goes.

Python ends a process on SIGTERM without running `finally` blocks, which
would leave the build's staging folder behind; and a Ctrl-C raised inside a
library can be swallowed by that library, after which the build would go
on to replace the outputs. Inside `stoppable()` both signals raise `Stopped`,
and a flag remembers them, so `check()` before the outputs are replaced
stops a build whose interrupt was swallowed.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class Stopped(KeyboardInterrupt):
    """The user or the system asked the build to stop."""


@contextmanager
def stoppable() -> Iterator[Callable[[], None]]:
    """Within: SIGINT and SIGTERM raise Stopped; yields `check`, which raises it if either arrived."""
    received: list[int] = []

    def check() -> None:
        if received:
            raise Stopped(received[0])

    if threading.current_thread() is not threading.main_thread():
        yield check
        return

    def handler(signum, frame):
        received.append(signum)
        raise Stopped(signum)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield check
    finally:
        for sig, action in previous.items():
            signal.signal(sig, action)
