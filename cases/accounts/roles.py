"""Roles as Django Groups with their permissions, kept in sync after every migrate."""

from django.contrib.auth.models import Group, Permission

from cases.constants import Role

# Codenames per role ("app_label.codename"); strings, so the core imports no team app.
LEERPLICHT_CASE_WORK = [
    "leerplicht.view_melding",
    "leerplicht.add_melding",
    "leerplicht.change_melding",
    "leerplicht.view_vrijstelling",
    "leerplicht.add_vrijstelling",
    "leerplicht.change_vrijstelling",
]
# Registering is not deciding: no transitions, actions or decisions.
LEERPLICHT_REGISTRATION = [
    "leerplicht.view_melding",
    "leerplicht.add_melding",
    "leerplicht.view_vrijstelling",
    "leerplicht.add_vrijstelling",
]
# Population figures are aggregates, kept by the administration.
POPULATIE = ["reporting.view_populatie", "reporting.add_populatie", "reporting.change_populatie"]
DOORSTROOM_CASE_WORK = [
    "doorstroom.view_traject",
    "doorstroom.add_traject",
    "doorstroom.change_traject",
]
# The koppelingen inbox: read signals, accept or dismiss them (accepting also needs the team
# app's permission for what the proposal makes, e.g. leerplicht.add_melding).
INBOX = ["koppelingen.view_signaal", "koppelingen.change_signaal"]
# The beheer page Koppelingen: configuration state, runs, upload and "nu ophalen".
KOPPELINGEN_BEHEER = ["koppelingen.view_koppelingrun", "koppelingen.add_koppelingrun"]
# Start the jaarverslag and download its files (aggregates only).
REPORTING = ["reporting.view_reportrun", "reporting.add_reportrun"]
# Personal API tokens: for the case-work roles only (docs/rollen.md); a token has its user's rights.
API_TOKENS = ["cases.add_apitoken"]
ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.LEERPLICHTAMBTENAAR: [
        *API_TOKENS,
        "cases.add_importrecord",
        "cases.view_importrecord",
        *LEERPLICHT_CASE_WORK,
        *REPORTING,
        *INBOX,
        # Hands a jongere turning 18 without startkwalificatie over to the Doorstroompunt.
        "doorstroom.add_traject",
        "cases.view_jongere",
        "cases.add_jongere",
        "cases.change_jongere",
        "cases.view_dossier",
        "cases.add_actie",
        "cases.view_school",
    ],
    Role.DOORSTROOMCOACH: [
        *API_TOKENS,
        "cases.add_importrecord",
        "cases.view_importrecord",
        *DOORSTROOM_CASE_WORK,
        *REPORTING,
        *INBOX,
        # Reads the leerplicht history of the jongeren handed over at 18.
        "leerplicht.view_melding",
        "leerplicht.view_vrijstelling",
        "cases.view_jongere",
        "cases.add_jongere",
        "cases.change_jongere",
        "cases.view_dossier",
        "cases.add_actie",
        "cases.view_school",
    ],
    Role.ADMINISTRATIEF_MEDEWERKER: [
        *API_TOKENS,
        *POPULATIE,
        "cases.add_importrecord",
        "cases.view_importrecord",
        *LEERPLICHT_REGISTRATION,
        *INBOX,
        *KOPPELINGEN_BEHEER,
        "cases.view_jongere",
        "cases.add_jongere",
        "cases.change_jongere",
        "cases.view_dossier",
        # Schools are national reference data: read here, changed only above the organisations.
        "cases.view_school",
    ],
    # Aggregates only: no personal data unless the user also holds a case-worker role.
    # The team's werkvoorraad as numbers per behandelaar and phase (reporting/team.py).
    # Transfers open work between medewerkers (all of someone's, e.g. on leave) without reading
    # it: the transfer form names people and counts, no jongeren (reporting/toewijzen.py).
    Role.TEAMLEIDER: [
        "cases.view_school",
        *REPORTING,
        "reporting.view_teamoverzicht",
        # Writes the jaarverslag's voorwoord, introductions and toelichtingen.
        "reporting.view_jaarverslagtekst",
        "reporting.add_jaarverslagtekst",
        "reporting.change_jaarverslagtekst",
        "cases.toewijzen_werk",
    ],
    # Configures, but reads no dossiers.
    Role.FUNCTIONEEL_BEHEERDER: [
        *POPULATIE,
        *KOPPELINGEN_BEHEER,
        "koppelingen.view_automatischtoepassen",
        "koppelingen.add_automatischtoepassen",
        "koppelingen.change_automatischtoepassen",
        "koppelingen.delete_automatischtoepassen",
        # The logo on the jaarverslag's cover.
        "reporting.view_huisstijl",
        "reporting.add_huisstijl",
        "reporting.change_huisstijl",
        "leerplicht.view_termijn",
        "leerplicht.add_termijn",
        "leerplicht.change_termijn",
        "leerplicht.delete_termijn",
        "doorstroom.view_trajecttermijn",
        "doorstroom.add_trajecttermijn",
        "doorstroom.change_trajecttermijn",
        "doorstroom.delete_trajecttermijn",
        "cases.view_schoolvakantie",
        "cases.add_schoolvakantie",
        "cases.change_schoolvakantie",
        "cases.delete_schoolvakantie",
        "cases.view_codeitem",
        "cases.add_codeitem",
        "cases.change_codeitem",
        # Schools are national reference data: read here; the contact details of schools in the
        # organisation's gemeenten on Beheer › Scholen (cases/beheer/scholen.py). The admin
        # still lets only technical beheer change a school.
        "cases.view_school",
        "cases.change_school",
        "cases.view_auditentry",
        "cases.view_briefsjabloon",
        "cases.change_briefsjabloon",
        # Retention: approves or rejects destruction proposals; answers inzageverzoeken.
        "cases.view_vernietigingsvoorstel",
        "cases.change_vernietigingsvoorstel",
        "cases.inzageverzoek_jongere",
        "cases.view_organisatie",
        "cases.change_organisatie",
        "cases.view_user",
        "cases.add_user",
        "cases.change_user",
        # Four eyes: approves (or rejects) a role another beheerder requested (cases/accounts/services.py).
        "cases.view_roltoekenning",
        "cases.change_roltoekenning",
        # Remove a lost phone's authenticator (the user enrols again at the next login).
        "otp_totp.view_totpdevice",
        "otp_totp.delete_totpdevice",
        "otp_static.view_staticdevice",
        "otp_static.delete_staticdevice",
    ],
}


def sync_roles(**kwargs) -> None:
    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=str(role.label))
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)
