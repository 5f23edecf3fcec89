from cases.access import ViaDossierQuerySet


class TrajectQuerySet(ViaDossierQuerySet):
    jongere_path = "dossier__jongere__"
    own_organisation = True

    def open(self):
        return self.filter(afgesloten_op__isnull=True)

    def nazorg_open(self):
        """Closed trajecten whose follow-up the daily job has signalled and nobody has done yet."""
        return self.filter(nazorg_gesignaleerd_op__isnull=False, nazorg_uitgevoerd_op__isnull=True)


class ViaTrajectQuerySet(ViaDossierQuerySet):
    jongere_path = "traject__dossier__jongere__"
