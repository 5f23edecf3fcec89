"""The AVG side of the core: what was done with whose data, and how long it is kept.

- `models`: the append-only processing log (AuditEntry) and destruction proposals
  (VernietigingsVoorstel);
- `audit`: writing the processing log (`log_access`, `log_listing`, `log_bulk`);
- `inzage`: the inzageverzoek (AVG art. 15) PDF and its page;
- `retention`: retention terms, destruction proposals and destruction.
"""
