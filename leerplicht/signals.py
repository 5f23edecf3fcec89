"""Signals other apps may listen to without leerplicht knowing them (no app imports koppelingen).

`melding_fase_gewijzigd` is sent inside the transaction of every registration and MAS transition
of a melding, after the new phase is stored, with the keyword arguments `melding`, `van` (""
for a new melding), `naar`, `reden` and `actor`. A receiver that writes (such as the outbox of
status messages to DUO) writes in that same transaction: the transition and its consequence are
stored together or not at all.
"""

from django.dispatch import Signal

melding_fase_gewijzigd = Signal()

#: Sent inside the transaction in which a later verzuimmelding from DUO is added to an open
#: melding (leerplicht/afsluiten.py `duo_melding_toevoegen`), with `melding`, `duo_meldingnummer`
#: and `actor`: the source is told that this number is being handled too.
duo_melding_toegevoegd = Signal()
