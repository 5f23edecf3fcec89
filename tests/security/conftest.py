"""Organisation A with one object of every kind a URL can point at, a second organisation B with
a user holding every case role, and users of A whose role lacks the permissions."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from cases.accounts.models import RolToekenning
from cases.constants import BriefSoort, BriefStatus, Role
from cases.models import Brief, BriefSjabloon, Document, ImportRecord, SchoolVakantie
from koppelingen.models import Signaal
from reporting.models import ReportRun, ReportRunStatus
from tests.api.conftest import Seed, power_user, seed_organisation
from tests.factories import UserFactory


@dataclass
class World:
    seed: Seed
    document: Document
    importrecord: ImportRecord
    reportrun: ReportRun
    brief: Brief
    outsider: object  # organisation B, every case role and functioneel beheerder
    beheerder: object  # organisation A, functioneel beheerder: configures, reads no dossiers
    teamleider: object  # organisation A, aggregates only
    signaal: object  # organisation A, an inbox signal about the jongere

    def objects(self) -> dict[str, object]:
        """One object of A per kind, by the name the isolation test maps routes to."""
        return {
            "dossier": self.seed.jongere.dossier,
            "traject-dossier": self.seed.volwassene.dossier,
            "jongere": self.seed.jongere,
            "melding": self.seed.melding,
            "vrijstelling": self.seed.vrijstelling,
            "traject": self.seed.traject,
            "actie": self.seed.actie,
            "document": self.document,
            "importrecord": self.importrecord,
            "reportrun": self.reportrun,
            "brief": self.brief,
            "briefsjabloon": self.brief.sjabloon,
            "populatie": self.seed.populatie,
            "codeitem": self.seed.code,
            "signaal": self.signaal,
            "ouder": self.seed.ouder,
            "gebruiker": self.teamleider,
            "roltoekenning": RolToekenning.objects.get_or_create(
                organisatie=self.seed.organisatie,
                gebruiker=self.teamleider,
                rol=Group.objects.get(name=str(Role.LEERPLICHTAMBTENAAR.label)),
                aangevraagd_door=self.beheerder,
            )[0],
            "schoolvakantie": SchoolVakantie.objects.get_or_create(
                organisatie=self.seed.organisatie,
                naam="Kerstvakantie A",
                defaults={"van": date(2025, 12, 22), "tot": date(2026, 1, 2)},
            )[0],
        }


@pytest.fixture
def world(organisatie_a, organisatie_b):
    seed = seed_organisation(organisatie_a, "a")
    document = Document(
        dossier=seed.jongere.dossier,
        naam="verklaring-arts.pdf",
        content_type="application/pdf",
        grootte=4,
        geupload_door=seed.lpa,
    )
    document.bestand.save("verklaring-arts.pdf", ContentFile(b"%PDF"), save=False)
    document.save()
    seed.vrijstelling.documenten.add(document)
    importrecord = ImportRecord.objects.create(
        organisatie=organisatie_a,
        soort="meldingen",
        bestandsnaam="meldingen.csv",
        checksum="0" * 64,
        gebruiker=seed.lpa,
        via="browser",
        status=ImportRecord.Status.VOORBEELD,
    )
    reportrun = ReportRun.objects.create(
        organisatie=organisatie_a, schooljaar=2024, status=ReportRunStatus.KLAAR, formaten=["json"]
    )
    reportrun.json_bestand.save("jaarverslag.json", ContentFile(b"{}"), save=True)
    sjabloon = BriefSjabloon.objects.get(organisatie=organisatie_a, soort=BriefSoort.WAARSCHUWING)
    brief = Brief.objects.create(
        dossier=seed.jongere.dossier,
        sjabloon=sjabloon,
        soort=sjabloon.soort,
        bron="melding",
        bron_id=seed.melding.pk,
        datum=seed.melding.ontvangen_op,
        onderwerp="Waarschuwing",
        status=BriefStatus.KLAAR,
        document=document,
        aangemaakt_door=seed.lpa,
    )
    outsider = power_user("b-alles", organisatie_b)
    outsider.groups.add(
        *UserFactory(username="b-tl", organisatie=organisatie_b, role=Role.TEAMLEIDER).groups.all(),
        *UserFactory(
            username="b-fb", organisatie=organisatie_b, role=Role.FUNCTIONEEL_BEHEERDER
        ).groups.all(),
    )
    beheerder = UserFactory(
        username="a-beheerder", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER
    )
    teamleider = UserFactory(username="a-teamleider", organisatie=organisatie_a, role=Role.TEAMLEIDER)
    signaal = Signaal.objects.create(
        organisatie=organisatie_a,
        bron="duo_verzuim",
        soort="verzuimmelding",
        extern_id="VM-ISOLATIE-1",
        inhoud={},
        voorstel="nieuwe_melding",
        jongere=seed.jongere,
        gemeente=seed.jongere.woongemeente,
        bewaren_tot=seed.melding.ontvangen_op,
    )
    return World(seed, document, importrecord, reportrun, brief, outsider, beheerder, teamleider, signaal)
