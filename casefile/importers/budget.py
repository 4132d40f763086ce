"""A memory budget for decoding big images, shared by every worker process on the machine.

The budget (default 768 MiB, `CASEFILE_DECODE_BUDGET_MB`) is cut into 64 MiB slots, each a lock
file in the temporary folder; a decode that needs N MiB holds enough slots for as long as it runs,
so however many cores (workers) there are, big decodes together stay within the budget. A decode
larger than the whole budget is not attempted (the file's metadata is still read and kept).
"""

from __future__ import annotations

import contextlib
import os
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from casefile.store.platform_io import HeldLock, try_lock

SLOT = 64 << 20
DEFAULT_MB = 768


def budget_bytes() -> int:
    try:
        mb = int(os.environ.get("CASEFILE_DECODE_BUDGET_MB", DEFAULT_MB))
    except ValueError:
        mb = DEFAULT_MB
    return max(1, mb) << 20


def _folder() -> Path:
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"casefile-decode-budget-{uid}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


@contextlib.contextmanager
def reserve(nbytes: int) -> Iterator[None]:
    """Hold `nbytes` of the budget (rounded up to slots) while the block runs; waits for them.
    Decodes under one slot's size need no reservation."""
    if nbytes < SLOT:
        yield
        return
    total = max(1, budget_bytes() // SLOT)
    want = min(total, -(-nbytes // SLOT))
    folder = _folder()
    while True:
        held: list[HeldLock] = []
        for i in random.sample(range(total), total):
            lock = try_lock(folder / f"slot-{i:03d}")
            if lock is not None:
                held.append(lock)
                if len(held) == want:
                    break
        if len(held) == want:
            try:
                yield
            finally:
                for lock in held:
                    lock.release()
            return
        for lock in held:   # all or nothing: two big decodes never hold half each
            lock.release()
        time.sleep(0.05 + random.random() * 0.1)
