"""Text cells that are safe to open in a spreadsheet program.

A text that starts with = + - @ (or a tab or carriage return) can be read as a formula by Excel
or LibreOffice (formula or "CSV" injection, OWASP). Such a text gets a leading apostrophe, which
makes the program show it as plain text. Local to the reporting exports for now; another branch
adds a shared helper for every export, which this one should be folded into.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
