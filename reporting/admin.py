from django import forms
from django.contrib import admin

from cases.admin import OwnOrganisationMixin
from cases.beheer.huisstijl import check_logo

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


class HuisstijlForm(forms.ModelForm):
    class Meta:
        model = Huisstijl
        fields = ["logo", "logo_tekst"]

    def clean_logo(self):
        # The same rule as the beheer page Briefhoofd en logo.
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "read"):
            check_logo(logo)
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
