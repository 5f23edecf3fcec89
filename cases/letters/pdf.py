"""Lay out a letter's HTML as PDF. WeasyPrint is imported here, lazily: only the Celery worker
calls this, never a web request."""


def _refuse_urls(url, *args, **kwargs):
    # The letter is self-contained: it never loads anything from a file or the network.
    raise ValueError("Een brief laadt geen externe bestanden.")


def render_letter_pdf(html: str) -> bytes:
    from weasyprint import HTML  # lazily: heavy, and only for the worker

    return HTML(string=html, url_fetcher=_refuse_urls).write_pdf()
