"""Inzageverzoek (AVG art. 15): for one jongere, a PDF with every piece of personal data held and
the list of who viewed or changed it (from the processing log).

Made by the functioneel beheerder (permission `cases.inzageverzoek_jongere`), who does not browse
dossiers: the jongere is found by BSN in a POST form, never in a URL. The request is itself logged
(EXPORTEREN, purpose INZAGEVERZOEK). The PDF of one jongere is small, so it is rendered during the
request; WeasyPrint is imported inside the renderer, as in reporting/renderers/pdf.py.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.db import models
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cases.constants import AuditAction, Verwerkingsactiviteit
from cases.models import AuditEntry, Jongere, Ouder, validate_bsn
from cases.platform.pdf_fetcher import refusing_url_fetcher
from cases.privacy.audit import log_access

#: Technical columns that say nothing about the person.
SKIPPED_FIELDS = {"id", "organisatie", "versie"}


class InzageForm(forms.Form):
    bsn = forms.CharField(
        label=gettext_lazy("BSN van de jongere"),
        max_length=9,
        validators=[validate_bsn],
        widget=forms.TextInput(
            attrs={"class": "utrecht-textbox", "autocomplete": "off", "inputmode": "numeric"}
        ),
    )


@dataclass
class Record:
    titel: str
    velden: list[tuple[str, str]]
    onderdelen: list["Section"] = field(default_factory=list)


@dataclass
class Section:
    titel: str
    records: list[Record]


def _display(instance, f) -> str:
    value = getattr(instance, f"get_{f.name}_display")() if f.choices else getattr(instance, f.name)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y %H:%M" if hasattr(value, "hour") else "%d-%m-%Y")
    if isinstance(f, models.FileField):
        return value.name.rsplit("/", 1)[-1]
    return str(value)


#: Address fields of an ouder whose address is secret in the BRP (geheimhouding): the request
#: may come from the other ouder, so the overview says the address is held but not what it is.
SECRET_ADDRESS = {
    "cases.ouder": ("straat", "huisnummer", "postcode", "woonplaats"),
    "cases.brief": ("adres",),
}


def _secret_fields(instance) -> tuple[str, ...]:
    fields = SECRET_ADDRESS.get(instance._meta.label_lower, ())
    if not fields:
        return ()
    ouder = instance if isinstance(instance, Ouder) else getattr(instance, "ouder", None)
    return fields if ouder is not None and ouder.geheim_adres else ()


def _record(instance, parent_field: str = "") -> Record:
    secret = _secret_fields(instance)
    velden = [
        (
            str(f.verbose_name),
            _("afgeschermd (geheimhouding BRP)")
            if f.name in secret and _display(instance, f)
            else _display(instance, f),
        )
        for f in instance._meta.concrete_fields
        if f.name not in SKIPPED_FIELDS and f.name != parent_field
    ]
    return Record(titel=str(instance), velden=[(label, value) for label, value in velden if value])


def _sections(instance, depth: int) -> list[Section]:
    """Every row pointing at `instance`, grouped per kind, down to `depth` levels."""
    return _sections_of([instance], depth)[instance.pk]


def _sections_of(parents: list, depth: int) -> dict[int, list[Section]]:
    """For each of `parents` (one model) the rows pointing at it, grouped per kind, down to `depth`
    levels. One query per kind of row, however many parents and rows there are, so the PDF of a
    long dossier costs no more queries than that of a short one."""
    result: dict[int, list[Section]] = {parent.pk: [] for parent in parents}
    if not parents:
        return result
    for relation in parents[0]._meta.related_objects:
        if not (relation.one_to_many or relation.one_to_one):
            continue
        model = relation.related_model
        if model._meta.app_label == "cases" and model._meta.model_name in (
            "vernietigingsvoorstel",
            "dossier",
        ):
            continue
        link = relation.field
        # The rows' own foreign keys are shown by name: load them in the same query.
        shown = [
            f.name for f in model._meta.concrete_fields if f.is_relation and f.name not in SKIPPED_FIELDS
        ]
        rows = list(
            model._base_manager.filter(**{f"{link.name}__in": parents}).select_related(
                *(name for name in shown if name != link.name)
            )
        )
        if not rows:
            continue
        children = _sections_of(rows, depth - 1) if depth > 1 else {}
        per_parent: dict[int, list[Record]] = defaultdict(list)
        by_pk = {parent.pk: parent for parent in parents}
        for row in rows:
            link.set_cached_value(row, by_pk[getattr(row, link.attname)])  # str(row) may name it
            record = _record(row, parent_field=link.name)
            record.onderdelen = children.get(row.pk, [])
            per_parent[getattr(row, link.attname)].append(record)
        titel = str(model._meta.verbose_name_plural).capitalize()
        for parent in parents:
            if per_parent.get(parent.pk):
                result[parent.pk].append(Section(titel=titel, records=per_parent[parent.pk]))
    return result


def inzage_context(jongere: Jongere) -> dict:
    dossier = getattr(jongere, "dossier", None)
    log = AuditEntry.objects.filter(organisatie_id=jongere.organisatie_id, jongere_id=jongere.pk).order_by(
        "tijdstip"
    )
    return {
        "jongere": _record(jongere),
        "persoon": _sections(jongere, depth=1),
        "dossier": _sections(dossier, depth=2) if dossier else [],
        "log": log,
        "organisatie": jongere.organisatie.naam,
        "gemaakt_op": timezone.localtime(),
    }


def render_inzage_pdf(jongere: Jongere) -> bytes:
    from weasyprint import HTML  # heavy; imported only when a PDF is made

    html = render_to_string("cases/pdf/inzageverzoek.html", inzage_context(jongere))
    # Self-contained: the jongere's own text must not make the PDF load a file or a URL.
    return HTML(string=html, url_fetcher=refusing_url_fetcher()).write_pdf()


def find_jongere(user, bsn: str) -> Jongere | None:
    """The jongere with this BSN in the user's organisation (and gemeenten, when restricted)."""
    queryset = Jongere._base_manager.filter(organisatie_id=user.organisatie_id, bsn=bsn)
    gemeenten = list(user.gemeenten.values_list("pk", flat=True))
    if gemeenten:
        queryset = queryset.filter(woongemeente_id__in=gemeenten)
    return queryset.select_related("organisatie").first()


@login_required
@permission_required("cases.inzageverzoek_jongere", raise_exception=True)
@require_http_methods(["GET", "POST"])
def inzageverzoek(request):
    form = InzageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        jongere = find_jongere(request.user, form.cleaned_data["bsn"])
        if jongere is None or not request.user.organisatie_id:
            form.add_error("bsn", _("Er is geen jongere met dit BSN in uw organisatie."))
        else:
            log_access(
                actor=request.user,
                action=AuditAction.EXPORTEREN,
                purpose=Verwerkingsactiviteit.INZAGEVERZOEK,
                jongere=jongere,
                request=request,
            )
            response = HttpResponse(render_inzage_pdf(jongere), content_type="application/pdf")
            stamp = timezone.localdate().strftime("%Y%m%d")
            # No name or BSN in the file name: it ends up in download folders and mail subjects.
            response["Content-Disposition"] = f'attachment; filename="inzageverzoek-{jongere.pk}-{stamp}.pdf"'
            return response
    return render(request, "cases/inzageverzoek.html", {"form": form})
