"""Renderers only format a `reporting.tables.Report`: JSON, XLSX and PDF (with SVG charts).

None of them queries the database; WeasyPrint is imported inside `pdf.render_pdf` only, so that
it loads in the Celery worker and never in a web request.
"""
