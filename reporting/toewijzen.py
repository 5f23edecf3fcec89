"""The teamleider transfers open work between medewerkers: all open meldingen, aanvragen and/or
trajecten of one person (on leave, leaving) or the unassigned ones, to a colleague, in one step.

The teamleider reads no personal data here: the form names people and kinds of work, the answer
gives counts. Each moved item gets a Toewijzing row (shown on its dossier's timeline) and a
processing-log entry per jongere (WIJZIGEN); the new behandelaar finds the items under "Nieuw
toegewezen" in the next daily digest (cases/digest.py compares with the previous one).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.db.models import F, Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cases.constants import AuditAction, Verwerkingsactiviteit
from cases.forms import style_fields
from cases.models import Jongere, Toewijzing, User
from cases.privacy.audit import log_listing
from doorstroom.models import Traject
from leerplicht.constants import Fase
from leerplicht.models import Melding, Vrijstelling

NIET_TOEGEWEZEN = "geen"

#: kind -> (model, open filter, permission the new behandelaar needs, processing purpose)
SOORTEN = {
    Toewijzing.Onderwerp.MELDING: (
        Melding,
        ~Q(fase=Fase.AFGESLOTEN),
        "leerplicht.change_melding",
        Verwerkingsactiviteit.HANDHAVING_LEERPLICHT,
    ),
    Toewijzing.Onderwerp.AANVRAAG: (
        Vrijstelling,
        Q(besluit=""),
        "leerplicht.change_vrijstelling",
        Verwerkingsactiviteit.HANDHAVING_LEERPLICHT,
    ),
    Toewijzing.Onderwerp.TRAJECT: (
        Traject,
        Q(afgesloten_op__isnull=True),
        "doorstroom.change_traject",
        Verwerkingsactiviteit.BEGELEIDING_DOORSTROOMPUNT,
    ),
}


def _naam(user) -> str:
    return user.get_full_name() or user.get_username()


class OverdrachtForm(forms.Form):
    van = forms.ChoiceField(label=gettext_lazy("Werk van"))
    naar = forms.ModelChoiceField(
        label=gettext_lazy("Overdragen aan"),
        queryset=User.objects.none(),
        empty_label=gettext_lazy("— Kies —"),
    )
    soorten = forms.MultipleChoiceField(
        label=gettext_lazy("Welk werk"),
        choices=Toewijzing.Onderwerp.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[s.value for s in Toewijzing.Onderwerp],
        help_text=gettext_lazy(
            "Alleen open werk: lopende meldingen, aanvragen zonder besluit, lopende trajecten."
        ),
    )

    def __init__(self, *args, organisatie_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisatie_id = organisatie_id
        medewerkers = User.objects.filter(organisatie_id=organisatie_id, is_active=True).order_by(
            "first_name", "last_name", "username"
        )
        self.fields["van"].choices = [
            ("", _("— Kies —")),
            (NIET_TOEGEWEZEN, _("Niet toegewezen")),
            *((str(u.pk), _naam(u)) for u in medewerkers),
        ]
        self.fields["naar"].queryset = medewerkers
        self.fields["naar"].label_from_instance = _naam
        style_fields(self)
        self.fields["soorten"].widget.attrs["class"] = "app-choice__input"

    def clean(self):
        cleaned = super().clean()
        naar, van = cleaned.get("naar"), cleaned.get("van")
        if naar is not None and van == str(naar.pk):
            self.add_error("naar", _("Kies een andere medewerker dan degene van wie het werk is."))
        soorten = []
        for soort in cleaned.get("soorten", []):
            if naar is None or naar.has_perm(SOORTEN[soort][2]):
                soorten.append(soort)
            elif self._open_werk(soort, van):
                self.add_error(
                    "naar",
                    _("%(naam)s kan geen %(soort)s behandelen; kies iemand met die rol.")
                    % {"naam": _naam(naar), "soort": Toewijzing.Onderwerp(soort).label.lower()},
                )
            # else: nothing of this kind to move, so the colleague's role does not matter
        cleaned["soorten"] = soorten
        return cleaned

    def _open_werk(self, soort: str, van: str | None) -> bool:
        model, open_filter, _permission, _purpose = SOORTEN[soort]
        queryset = model.objects.filter(open_filter, organisatie_id=self.organisatie_id)
        if van == NIET_TOEGEWEZEN:
            return queryset.filter(behandelaar__isnull=True).exists()
        return bool(van) and queryset.filter(behandelaar_id=van).exists()


@transaction.atomic
def werk_overdragen(*, actor, van: User | None, naar: User, soorten, gemeenten=(), request=None) -> dict:
    """Move every open item of `soorten` from `van` (None: the unassigned ones) to `naar`, within
    the actor's organisation (and gemeenten, when the actor is limited to some). Returns counts
    per kind. Versions go up, so a form opened before the transfer is refused, not applied."""
    counts = {}
    for soort in soorten:
        model, open_filter, _permission, purpose = SOORTEN[soort]
        scope = model.objects.filter(open_filter, organisatie_id=actor.organisatie_id)
        if gemeenten:
            scope = scope.filter(dossier__jongere__woongemeente_id__in=gemeenten)
        scope = scope.filter(behandelaar__isnull=True) if van is None else scope.filter(behandelaar=van)
        rows = list(scope.select_for_update(of=("self",)).values_list("pk", "dossier_id"))
        if not rows:
            counts[soort] = 0
            continue
        model.objects.filter(pk__in=[pk for pk, _d in rows]).update(behandelaar=naar, versie=F("versie") + 1)
        Toewijzing.objects.bulk_create(
            Toewijzing(
                organisatie_id=actor.organisatie_id,
                dossier_id=dossier_id,
                onderwerp=soort,
                object_id=pk,
                van=van,
                naar=naar,
                door=actor,
            )
            for pk, dossier_id in rows
        )
        jongeren = Jongere.objects.filter(dossier__pk__in={d for _pk, d in rows}).only("pk", "organisatie_id")
        log_listing(
            actor=actor, jongeren=jongeren, purpose=purpose, request=request, action=AuditAction.WIJZIGEN
        )
        counts[soort] = len(rows)
    return counts


@login_required
@permission_required("cases.toewijzen_werk", raise_exception=True)
@require_POST
def overdragen(request):
    from .team import render_teamoverzicht  # team.py imports this module's form

    form = OverdrachtForm(request.POST, organisatie_id=request.user.organisatie_id)
    if not form.is_valid():
        return render_teamoverzicht(request, overdracht_form=form)
    van_id = form.cleaned_data["van"]
    van = None if van_id == NIET_TOEGEWEZEN else form.fields["naar"].queryset.get(pk=van_id)
    counts = werk_overdragen(
        actor=request.user,
        van=van,
        naar=form.cleaned_data["naar"],
        soorten=form.cleaned_data["soorten"],
        gemeenten=list(request.user.gemeenten.values_list("pk", flat=True)),
        request=request,
    )
    parts = [f"{counts[s]} × {Toewijzing.Onderwerp(s).label.lower()}" for s in form.cleaned_data["soorten"]]
    messages.success(
        request,
        _("Overgedragen aan %(naam)s: %(werk)s.")
        % {"naam": _naam(form.cleaned_data["naar"]), "werk": ", ".join(parts)},
    )
    return redirect("teamoverzicht")
