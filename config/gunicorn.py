"""gunicorn settings shared by the Docker image, docker-compose and the load test
(`gunicorn -c config/gunicorn.py config.wsgi`); command-line options add to them."""

import gc


def post_worker_init(worker):
    """Load every view now and hide the loaded code from the garbage collector: its full
    collections, which run during requests, then walk only what requests created (about 150,000
    long-lived objects fewer; measured in docs/performance.md)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - importing the URLconf imports every view
    gc.freeze()
