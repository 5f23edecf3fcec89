"""Beheer › Scholen (issue 19 item 7): find a school among the national list (~7,000 locations,
searched and paged, never rendered at once) and keep the contact details of the schools in the
organisation's own region.

Schools are national reference data shared by every organisation (issue 15, point 5): name, BRIN,
vestiging, plaats and onderwijssoorten come from the DUO import and are changed only above the
organisations. A beheerder changes the contact details (the verzuimcoördinator's e-mail and phone,
used on letters to the school) of a school whose plaats is one of the organisation's gemeenten:
the region the organisation works for. docs/rollen.md.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cases.concurrency import ConflictError
from cases.constants import Onderwijssoort
from cases.forms import style_fields
from cases.models import School
from cases.scholen import in_regio
from cases.scholen import regio as scholen_regio

from .services import fingerprint

PER_PAGINA = 50
CONTACT_FIELDS = ("contact_email", "contact_telefoon")


def in_eigen_regio(user, school: School) -> bool:
    """The school lies in one of the organisation's gemeenten (cases/scholen.py, `regio`)."""
    return bool(user.organisatie_id) and in_regio(user.organisatie_id, school)


class ContactForm(forms.Form):
    basis = forms.CharField(widget=forms.HiddenInput, required=False)
    contact_email = forms.EmailField(
        label=gettext_lazy("E-mail verzuimcoördinator"),
        required=False,
        help_text=gettext_lazy("Hier gaan de kennisgevingen aan de school heen."),
        error_messages={"invalid": gettext_lazy("Vul een geldig e-mailadres in, zoals verzuim@school.nl.")},
    )
    contact_telefoon = forms.CharField(label=gettext_lazy("Telefoon"), max_length=20, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


@transaction.atomic
def school_contact_wijzigen(*, actor, school_id: int, basis: str, contact_email: str, contact_telefoon: str):
    school = School.objects.select_for_update().get(pk=school_id)
    if not in_eigen_regio(actor, school):
        raise PermissionDenied
    if fingerprint(school, CONTACT_FIELDS) != basis:
        raise ConflictError()
    school.contact_email, school.contact_telefoon = contact_email, contact_telefoon
    school.full_clean()
    school.save(update_fields=list(CONTACT_FIELDS))
    LogEntry.objects.log_actions(
        actor.pk,
        [school],
        CHANGE,
        change_message=_("Contactgegevens via de beheerpagina Scholen."),
        single_object=True,
    )
    return school


@login_required
@permission_required("cases.view_school", raise_exception=True)
def scholen(request):
    if not request.user.organisatie_id:
        raise PermissionDenied
    zoek = request.GET.get("zoek", "").strip()[:100]
    regio = request.GET.get("regio") == "1"
    queryset = School.objects.order_by("naam", "brin", "vestiging")
    if zoek:
        compact = zoek.replace(" ", "").upper()
        queryset = queryset.filter(
            Q(naam__icontains=zoek)
            | Q(plaats__icontains=zoek)
            | Q(brin=compact[:4], vestiging__startswith=compact[4:6])
        )
    if regio:
        filter_ = scholen_regio(request.user.organisatie_id)
        queryset = queryset.filter(filter_) if filter_ is not None else queryset.none()
    page = Paginator(queryset, PER_PAGINA).get_page(request.GET.get("page"))
    query = urlencode({k: v for k, v in (("zoek", zoek), ("regio", "1" if regio else "")) if v})
    context = {"page": page, "zoek": zoek, "regio": regio, "query": query}
    return render(request, "cases/beheer/scholen.html", context)


@login_required
@permission_required("cases.view_school", raise_exception=True)
@require_http_methods(["GET", "POST"])
def school(request, pk: int):
    if not request.user.organisatie_id:
        raise PermissionDenied
    obj = get_object_or_404(School.objects.select_related("gemeente"), pk=pk)
    mag_wijzigen = request.user.has_perm("cases.change_school") and in_eigen_regio(request.user, obj)
    initial = {field: getattr(obj, field) for field in CONTACT_FIELDS}
    initial["basis"] = fingerprint(obj, CONTACT_FIELDS)
    form = ContactForm(request.POST or None, initial=initial) if mag_wijzigen else None
    if request.method == "POST":
        if not mag_wijzigen:
            raise PermissionDenied
        if form.is_valid():
            try:
                school_contact_wijzigen(actor=request.user, school_id=obj.pk, **form.cleaned_data)
            except ConflictError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("De contactgegevens van de school zijn opgeslagen."))
                return redirect("beheer_school", pk=obj.pk)
    soorten = dict(Onderwijssoort.choices)
    context = {
        "school": obj,
        "form": form,
        "soorten": [soorten.get(code, code) for code in obj.onderwijssoorten],
    }
    return render(
        request, "cases/beheer/school.html", context, status=400 if form is not None and form.errors else 200
    )
