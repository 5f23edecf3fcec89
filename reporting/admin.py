from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cases.admin import OwnOrganisationMixin

from .models import Huisstijl, ReportRun


@admin.register(ReportRun)
class ReportRunAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    """Read-only overview for functioneel beheer: runs are made and retried on the Rapportages page.
    Only the own organisation's runs (the superuser sees all, with the organisation filter)."""

    organisation_field = "organisatie_id"

    list_display = [
        "organisatie",
        "schooljaar",
        "vergelijkingsjaar",
        "status",
        "voortgang",
        "aangemaakt_op",
        "klaar_op",
    ]
    list_filter = ["status"]
    date_hierarchy = "aangemaakt_op"
    readonly_fields = [field.name for field in ReportRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_list_filter(self, request):
        # The organisation filter would list every organisation's name.
        return ["status", "organisatie"] if request.user.is_superuser else self.list_filter


#: The largest logo accepted; it is embedded in every PDF.
MAX_LOGO_BYTES = 500 * 1024


class HuisstijlForm(forms.ModelForm):
    class Meta:
        model = Huisstijl
        fields = ["logo", "logo_tekst"]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo or not hasattr(logo, "read"):
            return logo
        if logo.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(_("Het logo is te groot: hoogstens 500 kB is toegestaan."))
        head = logo.read(8)
        logo.seek(0)
        if not (head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")):
            raise forms.ValidationError(_("Het logo moet een PNG- of JPEG-afbeelding zijn."))
        return logo


@admin.register(Huisstijl)
class HuisstijlAdmin(admin.ModelAdmin):
    """The cover logo of the organisation's jaarverslag; one per organisation."""

    form = HuisstijlForm
    list_display = ["organisatie", "logo_tekst"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(organisatie_id=request.user.organisatie_id)

    def has_add_permission(self, request):
        if not super().has_add_permission(request) or request.user.organisatie_id is None:
            return False
        return not Huisstijl.objects.filter(organisatie_id=request.user.organisatie_id).exists()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.organisatie_id = request.user.organisatie_id
        super().save_model(request, obj, form, change)
