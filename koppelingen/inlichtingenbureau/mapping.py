"""The Inlichtingenbureau's monthly list of 23-27-year-olds without startkwalificatie, enrolment,
work or benefit (Jongeren in Beeld), in our intermediate format (docs/koppelingen.md)."""

FORMAAT = "ib-jongeren-in-beeld/1"

#: (path, our field, notion, required) beyond the person part (koppelingen.formaat.PERSOON).
VELDEN = [
    ("id", "extern_id", "kenmerk van de regel in de lijst", True),
    ("peildatum", "datum", "peildatum van de lijst", True),
]
DOELGROEP = "jongeren_in_beeld"
