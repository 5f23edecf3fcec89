"""The URL fetcher of every PDF the application lays out (letters, the jaarverslag, the
inzageverzoek): it refuses every URL.

The documents are self-contained (inline styles and SVG). A URL in one can only come from text
someone typed (a letter template, a name) and must not make the worker read a local file
(`file:///etc/...`) or call a host on the internal network. WeasyPrint 70 calls a fetcher through
`weasyprint.urls.fetch`, which reads the fetcher's `_fail_on_errors`: a plain function there
crashed the whole PDF with `AttributeError` on the first URL. A `URLFetcher` subclass whose
`fetch` raises makes WeasyPrint skip the resource with a warning and lay out the rest.
"""

import functools


@functools.cache
def _refusing_class():
    from weasyprint.urls import URLFetcher  # lazily: heavy, and only where a PDF is made

    class RefusingURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError("Dit document laadt geen externe bestanden of adressen.")

    return RefusingURLFetcher


def refusing_url_fetcher():
    """A fetcher that refuses every URL; WeasyPrint leaves the resource out and goes on."""
    return _refusing_class()(allowed_protocols=(), fail_on_errors=False)


@functools.cache
def _data_only_class():
    from weasyprint.urls import URLFetcher  # lazily: heavy, and only where a PDF is made

    class DataOnlyURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith("data:"):
                raise ValueError("Dit document laadt geen externe bestanden of adressen.")
            return super().fetch(url, headers)

    return DataOnlyURLFetcher


def data_only_url_fetcher():
    """A fetcher that reads only data: URLs (an embedded logo) and refuses every other URL."""
    return _data_only_class()(allowed_protocols=("data",), fail_on_errors=False)
