"""Who is logged in and what they may do.

- `backend`: Django's ModelBackend with the organisation loaded along and permissions cached
  (settings.AUTHENTICATION_BACKENDS);
- `generation`: the number that changes whenever who-may-do-what changes; `cached()` reads
  the permission sets and filter choices under it;
- `roles`: the roles (Django Groups) and their permissions, synced after every migrate;
- `twofactor`: the second login step (TOTP enrolment and verification, backup codes);
- `oidc`: single sign-on through OpenID Connect (optional);
- `middleware`: the second-factor gate and no-store caching of authenticated pages.
"""
