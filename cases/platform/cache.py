"""Django's Redis cache, made to ride out a Redis outage (a restart, a failover, a network blip).

The cache holds the sessions (SESSION_ENGINE "cache"), permission sets and the filter forms'
option lists. With Django's RedisCache every request fails with a 500 while Redis is away. Here a
read that cannot reach Redis is a miss and a write is skipped (with a warning in the log), so a
page is computed from the database; a user whose session cannot be read is asked to log in again
(the login page), as after a restart that emptied Redis. Adding a key reports failure, so
nothing that uses `add` as a lock believes it holds one.
"""

import logging
from functools import wraps

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE = (RedisConnectionError, RedisTimeoutError)


def _on_outage(result):
    """Decorator: return `result(args, kwargs)` instead of raising when Redis is unreachable."""

    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except OUTAGE as exc:
                logger.warning(
                    "Redis onbereikbaar (%s): cache %s overgeslagen", type(exc).__name__, method.__name__
                )
                return result(args, kwargs)

        return wrapper

    return decorate


def _default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a new redis.Redis object for every cache call, and each fills a
    table of about 170 response callbacks: some 0.5 ms of CPU, six times per page (session,
    permissions, option lists). One redis.Redis per connection pool does the same work; redis-py
    clients are thread-safe and take a connection from the pool per command."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """Django's RedisCache (same LOCATION and OPTIONS) that treats an unreachable Redis as an empty
    cache. Named RedisCache: cases/accounts/generation.py recognises a shared cache by that name."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    get = _on_outage(_default)(DjangoRedisCache.get)
    get_many = _on_outage(lambda args, kwargs: {})(DjangoRedisCache.get_many)
    has_key = _on_outage(lambda args, kwargs: False)(DjangoRedisCache.has_key)
    add = _on_outage(lambda args, kwargs: False)(DjangoRedisCache.add)
    set = _on_outage(lambda args, kwargs: None)(DjangoRedisCache.set)
    set_many = _on_outage(lambda args, kwargs: list(args[0]))(DjangoRedisCache.set_many)
    touch = _on_outage(lambda args, kwargs: False)(DjangoRedisCache.touch)
    delete = _on_outage(lambda args, kwargs: False)(DjangoRedisCache.delete)
    delete_many = _on_outage(lambda args, kwargs: None)(DjangoRedisCache.delete_many)
    incr = _on_outage(lambda args, kwargs: 0)(DjangoRedisCache.incr)
