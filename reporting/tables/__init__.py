"""Jaarverslag tables: pure read side. Table functions take (organisatie, schooljaar[, vergelijk])
and return plain dataclasses; renderers (reporting/renderers/) only format them."""

from .base import Column, Report, Row, Table
from .build import TABLE_IDS, build_report

__all__ = ["Column", "Report", "Row", "Table", "TABLE_IDS", "build_report"]
