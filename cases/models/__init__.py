# ruff: noqa: I001 - the order matters: feature models refer to the core models
"""The models of the `cases` app, one module per family, each imported once here.

Core: `organisatie` (Gemeente, Organisatie, User), `school` (School), `jongere` (Jongere,
Dossier, Inschrijving), `base` (ChoiceLabels, OwnedByOrganisation), `actie` (Actie), `document`
(Document and the private storage), `codelijst` (CodeItem). The models of the features around
the core live in their own packages and are registered from here: `cases.accounts.models` (RolToekenning,
AccountMelding, ApiToken), `cases.imports.models`
(ImportRecord), `cases.privacy.models` (AuditEntry, VernietigingsVoorstel),
`cases.letters.models` (BriefSjabloon, Brief) and `cases.termijnen.models` (SchoolVakantie,
DigestVerzending). Other code may import any of these names from `cases.models`.
"""

from cases.models.organisatie import Gemeente, Organisatie, User
from cases.models.school import School
from cases.models.jongere import Dossier, Inschrijving, Jongere, validate_bsn
from cases.models.base import ChoiceLabels, OwnedByOrganisation
from cases.models.actie import Actie
from cases.models.document import Document, document_path, private_storage
from cases.models.codelijst import CodeItem
from cases.models.ouder import Ouder, OuderWijziging
from cases.models.overdracht import Overdracht
from cases.models.toewijzing import Toewijzing

# Feature models last: they refer to the core models above.
from cases.accounts.models import AccountMelding, ApiToken, RolToekenning
from cases.imports.models import ImportRecord, import_path
from cases.idempotency import FormulierInzending
from cases.privacy.models import AuditEntry, VernietigingsVoorstel
from cases.letters.models import Brief, BriefSjabloon
from cases.termijnen.models import DigestVerzending, SchoolVakantie

__all__ = [
    "AccountMelding",
    "ApiToken",
    "RolToekenning",
    "Actie",
    "AuditEntry",
    "Brief",
    "BriefSjabloon",
    "ChoiceLabels",
    "CodeItem",
    "DigestVerzending",
    "FormulierInzending",
    "Document",
    "Dossier",
    "Gemeente",
    "ImportRecord",
    "Inschrijving",
    "Jongere",
    "Organisatie",
    "Ouder",
    "OuderWijziging",
    "Overdracht",
    "OwnedByOrganisation",
    "School",
    "SchoolVakantie",
    "Toewijzing",
    "User",
    "VernietigingsVoorstel",
    "document_path",
    "import_path",
    "private_storage",
    "validate_bsn",
]
