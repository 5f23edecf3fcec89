"""Functioneel beheer: code lists, schools, users and the processing log of one's own organisation.

Jongeren and dossiers are deliberately absent: a beheerder configures, but reads no dossiers.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry, CodeItem, School, User


class OwnOrganisationMixin:
    """Restrict a ModelAdmin to the user's organisation; superusers see everything."""

    organisation_field = "organisatie"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{self.organisation_field: request.user.organisatie_id})

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            setattr(obj, self.organisation_field, request.user.organisatie_id)
        super().save_model(request, obj, form, change)


@admin.register(CodeItem)
class CodeItemAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    organisation_field = "organisatie_id"
    list_display = ["label", "lijst", "categorie", "samenvatting", "volgorde", "actief"]
    list_editable = ["volgorde", "actief"]
    list_filter = ["lijst", "actief"]
    search_fields = ["label"]
    exclude = ["organisatie"]

    def has_delete_permission(self, request, obj=None):
        return False  # retire instead


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["naam", "brin", "vestiging", "plaats"]
    search_fields = ["naam", "brin", "plaats"]


@admin.register(User)
class UserAdmin(OwnOrganisationMixin, DjangoUserAdmin):
    organisation_field = "organisatie_id"
    list_display = ["username", "first_name", "last_name", "is_active"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Persoon"), {"fields": ("first_name", "last_name", "email")}),
        (_("Toegang"), {"fields": ("is_active", "is_staff", "groups", "gemeenten")}),
    )
    filter_horizontal = ["groups", "gemeenten"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "gemeenten" and not request.user.is_superuser and request.user.organisatie:
            kwargs["queryset"] = request.user.organisatie.gemeenten.all()
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(AuditEntry)
class AuditEntryAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    organisation_field = "organisatie_id"
    list_display = ["tijdstip", "gebruikersnaam", "actie", "doel", "object_type", "betrokkene"]
    list_filter = ["actie", "doel"]
    search_fields = ["gebruikersnaam", "betrokkene", "trace_id"]
    date_hierarchy = "tijdstip"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
