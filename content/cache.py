"""
The cache as an optimisation that may fail: every read and write of the shared cache goes
through these helpers, so a cache that is down (Redis stopped, network gone) slows pages
down instead of breaking them.

- `safe_get` answers `default` and `safe_set`/`safe_add`/`safe_delete` do nothing when the
  cache cannot be reached; the caller then works from the database.
- The outage is logged once per process when it starts, and once when the cache answers
  again, not on every request.
- While it is down the cache is not asked again for CACHE_RETRY_SECONDS, so a cache that
  times out (rather than refusing at once) does not add its timeout to every call.
- Keys registered with `forget_on_recovery` are dropped when the cache comes back: writes
  missed during the outage (a content change, a policy change) would otherwise leave the
  copies kept before it looking current.
"""

import logging
import os
import threading
import time

from django.conf import settings
from django.core.cache import cache, caches

logger = logging.getLogger("content.cache")

try:  # the redis client is installed where CACHE_URL=redis://... is used
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover - locmem-only installs
    RedisError = OSError

# What a cache backend raises when it cannot be reached. Anything else (a value that
# cannot be pickled, a wrong argument) is a bug and stays loud.
CACHE_ERRORS = (OSError, RedisError)

_lock = threading.Lock()
_state = {"down": False, "retry_at": 0.0}
_recovery_keys = set()


def forget_on_recovery(*keys):
    """Drop these keys when the cache comes back after an outage."""
    _recovery_keys.update(keys)


def is_down():
    return _state["down"]


def _skipping():
    return _state["down"] and time.monotonic() < _state["retry_at"]


def _failed(operation, error):
    with _lock:
        first = not _state["down"]
        _state["down"] = True
        _state["retry_at"] = time.monotonic() + settings.CACHE_RETRY_SECONDS
    if first:
        logger.error(
            "Cache unreachable (%s: %s); serving pages without it until it answers again.",
            operation,
            error,
        )


def _succeeded():
    if not _state["down"]:
        return
    with _lock:
        if not _state["down"]:
            return
        _state["down"] = False
    logger.warning("Cache reachable again; using it.")
    try:
        cache.delete_many(list(_recovery_keys))
    except CACHE_ERRORS as error:
        _failed("delete_many", error)


def _call(operation, default, *args, on=None, **kwargs):
    """cache.operation(*args, **kwargs), or `default` when the cache is down; `on`: another
    of settings.CACHES than the default (on the same server when it is shared)."""
    if _skipping():
        return default
    try:
        result = getattr(caches[on] if on else cache, operation)(*args, **kwargs)
    except CACHE_ERRORS as error:
        _failed(operation, error)
        return default
    _succeeded()
    return result


def safe_get(key, default=None):
    return _call("get", default, key, default)


def safe_set(key, value, timeout):
    _call("set", None, key, value, timeout)


def safe_add(key, value, timeout):
    """Like cache.add; False when the key exists or the cache is down."""
    return _call("add", False, key, value, timeout)


def safe_incr(key, delta=1, *, timeout):
    """Add `delta` to a counter that starts when first counted and expires `timeout` later.

    Returns the new count, or None when the cache is down (callers then let the request
    through: a limit the cache cannot count must not lock everyone out).
    """
    # In the counters cache (settings.CACHES), where kept pages never push a counter out.
    if _call("add", None, key, 0, timeout, on="counters") is None:  # True or False when up
        return None
    try:
        return _call("incr", None, key, delta, on="counters")
    except ValueError:  # expired between add and incr: start again
        _call("set", None, key, delta, timeout, on="counters")
        return delta


def safe_delete(key):
    _call("delete", None, key)


def ping():
    """Whether the cache answers a write and a read now (ignores the retry pause)."""
    token = str(time.time_ns())
    # A key of this process and thread: two checks at once on one shared cache must not
    # read each other's token (that made a healthy cache look broken under load).
    key = f"healthz:ping:{os.getpid()}:{threading.get_ident()}"
    try:
        cache.set(key, token, 30)
        ok = cache.get(key) == token
    except CACHE_ERRORS as error:
        _failed("ping", error)
        return False
    if ok:
        _succeeded()
    return ok
