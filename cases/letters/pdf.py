"""Lay out a letter's HTML as PDF. WeasyPrint is imported here, lazily: only the Celery worker
calls this, never a web request."""

from cases.platform.pdf_fetcher import data_only_url_fetcher


def render_letter_pdf(html: str) -> bytes:
    from weasyprint import HTML  # lazily: heavy, and only for the worker

    # The letter is self-contained: it never loads anything from a file or the network; only the
    # organisation's logo is embedded, as a data: URL.
    return HTML(string=html, url_fetcher=data_only_url_fetcher()).write_pdf()
