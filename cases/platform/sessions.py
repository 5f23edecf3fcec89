"""Sessions in the cache (Redis), as Django's cache backend, but without its 10,000 attempts to
create a session key when Redis is unreachable (cases/platform/cache.py then reports every `add`
as failed): after a few attempts the request ends as Django ends a request whose session was lost
(SessionInterrupted, 400), and the user logs in again once Redis is back."""

from django.contrib.sessions.backends.base import CreateError
from django.contrib.sessions.backends.cache import SessionStore as CacheSessionStore
from django.contrib.sessions.exceptions import SessionInterrupted

ATTEMPTS = 5  # a collision of two random 32-character keys is already unheard of


class SessionStore(CacheSessionStore):
    def create(self):
        for _attempt in range(ATTEMPTS):
            self._session_key = self._get_new_session_key()
            try:
                self.save(must_create=True)
            except CreateError:
                continue
            self.modified = True
            return
        raise SessionInterrupted("De sessie kon niet worden opgeslagen; de sessieopslag is onbereikbaar.")
