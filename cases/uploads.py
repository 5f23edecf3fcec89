"""What an uploaded document really is: the type is read from its content, never from the browser.

The browser's Content-Type and the file name are the uploader's word: an `.html` page or an
`invoice.pdf.exe` would otherwise be stored and served as a PDF under that name. The `filetype`
library reads the signature bytes (it also tells docx from xlsx from odt inside the ZIP); only the
kinds a dossier needs are accepted, and the document is stored and served with the detected type
and a matching extension.
"""

import codecs
import re
from dataclasses import dataclass

import filetype
from django.utils.translation import gettext as _

#: Bytes read to recognise a file (filetype looks at most at the first 8 KB).
HEAD_BYTES = 8192


@dataclass(frozen=True)
class Kind:
    content_type: str
    extension: str


#: Detected MIME type -> how it is stored and served. Office files with macros are not here.
ALLOWED_KINDS = {
    "application/pdf": Kind("application/pdf", ".pdf"),
    "image/jpeg": Kind("image/jpeg", ".jpg"),
    "image/png": Kind("image/png", ".png"),
    "image/gif": Kind("image/gif", ".gif"),
    "image/webp": Kind("image/webp", ".webp"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Kind(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"
    ),
    "application/msword": Kind("application/msword", ".doc"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Kind(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"
    ),
    "application/vnd.oasis.opendocument.text": Kind("application/vnd.oasis.opendocument.text", ".odt"),
}
PLAIN_TEXT = Kind("text/plain; charset=utf-8", ".txt")
SERVABLE_TYPES = {kind.content_type for kind in ALLOWED_KINDS.values()} | {PLAIN_TEXT.content_type}

# Control characters other than tab, line feed, form feed and carriage return: not a text file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def allowed_kinds_text() -> str:
    return _(
        "Toegestaan zijn PDF, afbeeldingen (JPG, PNG, GIF, WebP), Word (.docx, .doc), "
        "Excel (.xlsx), OpenDocument-tekst (.odt) en platte tekst (.txt)."
    )


def _plain_text(head: bytes, complete: bool) -> bool:
    """UTF-8 text without control characters and without markup: nothing a browser would run
    (HTML, SVG and XML start with '<'). Served as text/plain, as an attachment, with nosniff."""
    try:
        # Incremental: a head that cuts a multi-byte character in two is still text.
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
    except UnicodeDecodeError:
        return False
    if not text or _CONTROL.search(text):
        return False
    return not text.lstrip("\ufeff \t\r\n\f").startswith("<")


def detect(head: bytes) -> Kind | None:
    """The kind of a file from its first bytes, or None when it is not one a dossier accepts."""
    guess = filetype.guess(head)
    if guess is not None:
        return ALLOWED_KINDS.get(guess.mime)
    return PLAIN_TEXT if _plain_text(head, complete=len(head) < HEAD_BYTES) else None


def detect_upload(upload) -> Kind | None:
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return detect(head)


def safe_name(name: str, kind: Kind) -> str:
    """The uploaded name with the detected type's extension in place of its own last one
    (`invoice.pdf.exe` holding a PDF becomes `invoice.pdf`), without control characters."""
    name = _CONTROL.sub("", name).replace("/", "_").replace("\\", "_").strip() or "document"
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    if stem.lower().endswith(kind.extension):
        stem = stem[: -len(kind.extension)]
    stem = stem[: 200 - len(kind.extension)] or "document"
    return stem + kind.extension
