from datetime import UTC, date, datetime

from django.template import Context, Template

from cases.templatetags.opmaak import datum


def test_datum_writes_dutch_dates_in_local_time():
    assert datum(date(2026, 3, 7)) == "07-03-2026"
    # 23:30 UTC on 31 December is already New Year's Day in the Netherlands.
    assert datum(datetime(2025, 12, 31, 23, 30, tzinfo=UTC)) == "01-01-2026"
    assert datum(None) == "" and datum("") == ""


def test_datum_needs_no_load_tag():
    assert Template("{{ d|datum }}").render(Context({"d": date(2026, 11, 23)})) == "23-11-2026"
