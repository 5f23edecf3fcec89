"""Functioneel beheer: code lists, schools, users and the processing log of one's own organisation.

Jongeren and dossiers are deliberately absent: a beheerder configures, but reads no dossiers.
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.accounts import services as account_services
from cases.accounts.models import RolToekenning
from cases.privacy import retention
from cases.privacy.models import VernietigingsVoorstel

from .models import AuditEntry, CodeItem, Organisatie, School, SchoolVakantie, User


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


class UniquePerOrganisationMixin(OwnOrganisationMixin):
    """For settings unique per organisation and `unique_fields`: the organisation is not on the
    form, so Django cannot check the unique constraint; this form does, instead of failing with
    a database error."""

    unique_fields: tuple[str, ...] = ()
    duplicate_message = _("Deze instelling bestaat al voor uw organisatie; wijzig de bestaande.")

    def get_form(self, request, obj=None, **kwargs):
        base = super().get_form(request, obj, **kwargs)
        model, fields, message = self.model, self.unique_fields, self.duplicate_message
        organisatie_id = request.user.organisatie_id

        class Form(base):
            def clean(self):
                data = super().clean()
                if organisatie_id and all(name in data for name in fields):
                    others = model.objects.filter(
                        organisatie_id=organisatie_id, **{name: data[name] for name in fields}
                    ).exclude(pk=self.instance.pk)
                    if others.exists():
                        raise ValidationError(message)
                return data

        return Form


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
    """Schools are national reference data (DUO's BRIN register), shared by every organisation:
    their name and contact e-mail appear in every organisation's letters, lists and API. So only a
    role above the organisations adds or changes them; an organisation's beheerder reads them
    (issue 15, point 5: one region's beheerder renamed a school for all the others)."""

    list_display = ["naam", "brin", "vestiging", "plaats", "gemeente"]
    list_select_related = ["gemeente"]
    search_fields = ["naam", "brin", "plaats"]

    def has_add_permission(self, request):
        return account_services.above_the_organisations(request.user)

    def has_change_permission(self, request, obj=None):
        return account_services.above_the_organisations(request.user)

    def has_delete_permission(self, request, obj=None):
        return account_services.above_the_organisations(request.user)


@admin.register(User)
class UserAdmin(OwnOrganisationMixin, DjangoUserAdmin):
    organisation_field = "organisatie_id"
    list_display = ["username", "first_name", "last_name", "is_active"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Persoon"), {"fields": ("first_name", "last_name", "email")}),
        (_("Toegang"), {"fields": ("is_active", "is_staff", "groups", "gemeenten")}),
        (_("E-mail"), {"fields": ("dagelijks_overzicht",)}),
    )
    filter_horizontal = ["groups", "gemeenten"]
    #: What a beheerder may not change on their own account: their rights and their scope.
    OWN_RIGHTS = ("is_active", "is_staff", "groups", "gemeenten")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "gemeenten" and not request.user.is_superuser and request.user.organisatie:
            kwargs["queryset"] = request.user.organisatie.gemeenten.all()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk == request.user.pk and not request.user.is_superuser:
            fields += self.OWN_RIGHTS  # a beheerder never grants roles to themselves
        return fields

    def save_related(self, request, form, formsets, change):
        before = set(form.instance.groups.values_list("pk", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        pending = account_services.roles_changed(
            actor=request.user, user=form.instance, before=before, request=request
        )
        for toekenning in pending:
            self.message_user(
                request,
                _(
                    "De rol %(rol)s geeft toegang tot persoonsgegevens en wacht op goedkeuring door "
                    "een tweede beheerder (Beheer › Roltoekenningen)."
                )
                % {"rol": toekenning.rol.name},
                messages.WARNING,
            )

    def user_change_password(self, request, id, form_url=""):
        target = self.get_object(request, id)
        before = target.password if target is not None else None
        response = super().user_change_password(request, id, form_url)
        if target is not None and request.method == "POST":
            target.refresh_from_db(fields=["password"])
            if target.password != before and target.pk != request.user.pk:
                account_services.password_reset_by_beheer(actor=request.user, user=target, request=request)
        return response


@admin.register(RolToekenning)
class RolToekenningAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    """Four eyes on roles that open personal data: a second beheerder approves or rejects."""

    organisation_field = "organisatie_id"
    list_display = ["gebruiker", "rol", "status", "aangevraagd_door", "aangevraagd_op", "beoordeeld_door"]
    list_filter = ["status"]
    readonly_fields = ["gebruiker", "rol", "status", "aangevraagd_door", "aangevraagd_op",
                       "beoordeeld_door", "beoordeeld_op"]  # fmt: skip
    exclude = ["organisatie"]
    actions = ["goedkeuren", "afwijzen"]

    def has_add_permission(self, request):
        return False  # requested by giving the role on the user's page

    def has_delete_permission(self, request, obj=None):
        return False

    def _review(self, request, queryset, approve: bool):
        done, refused = 0, 0
        for toekenning in queryset.filter(status=RolToekenning.Status.IN_AFWACHTING):
            if not account_services.may_review(request.user, toekenning):
                refused += 1
                continue
            account_services.role_grant_review(
                actor=request.user, toekenning_id=toekenning.pk, approve=approve, request=request
            )
            done += 1
        if done:
            self.message_user(request, _("%(count)s aanvraag/aanvragen beoordeeld.") % {"count": done})
        if refused:
            self.message_user(
                request,
                _(
                    "%(count)s aanvraag/aanvragen niet beoordeeld: een tweede beheerder beoordeelt, "
                    "niet wie de aanvraag deed en niet wie de rol krijgt."
                )
                % {"count": refused},
                messages.ERROR,
            )

    @admin.action(description=_("Goedkeuren (rol toekennen)"), permissions=["change"])
    def goedkeuren(self, request, queryset):
        self._review(request, queryset, approve=True)

    @admin.action(description=_("Afwijzen"), permissions=["change"])
    def afwijzen(self, request, queryset):
        self._review(request, queryset, approve=False)


@admin.register(SchoolVakantie)
class SchoolVakantieAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    """School holidays of the region: terms that skip school holidays do not count these days."""

    organisation_field = "organisatie_id"
    list_display = ["naam", "van", "tot"]
    exclude = ["organisatie"]
    date_hierarchy = "van"


@admin.register(AuditEntry)
class AuditEntryAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    organisation_field = "organisatie_id"
    list_display = ["tijdstip", "gebruikersnaam", "actie", "doel", "object_type", "object_id", "jongere_id"]
    list_filter = ["actie", "doel", "object_type"]
    # Exact ids (jongere-id, object-id) and the pseudonym: the log is searched per jongere
    # without a name or BSN in it.
    search_fields = ["gebruikersnaam", "=betrokkene", "=trace_id", "=jongere_id", "=object_id"]
    date_hierarchy = "tijdstip"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(VernietigingsVoorstel)
class VernietigingsVoorstelAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    """Dossiers past their retention term. The beheerder approves (destroys) or rejects; the
    list shows dossier numbers and terms, never names."""

    organisation_field = "organisatie_id"
    list_display = [
        "dossier_id",
        "grondslag",
        "vervaldatum",
        "status",
        "voorgesteld_op",
        "beoordeeld_door",
        "beoordeeld_op",
    ]
    list_filter = ["status", "grondslag"]
    readonly_fields = ["dossier", "grondslag", "vervaldatum", "status", "voorgesteld_op",
                       "beoordeeld_door", "beoordeeld_op", "verwijderd"]  # fmt: skip
    exclude = ["organisatie"]
    actions = ["goedkeuren", "afwijzen"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Goedkeuren en vernietigen"), permissions=["change"])
    def goedkeuren(self, request, queryset):
        count = 0
        for voorstel in queryset.filter(status=VernietigingsVoorstel.Status.VOORGESTELD):
            retention.proposal_approve(actor=request.user, voorstel=voorstel, request=request)
            count += 1
        self.message_user(request, _("%(count)s dossier(s) vernietigd.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Afwijzen (bewaren)"), permissions=["change"])
    def afwijzen(self, request, queryset):
        count = 0
        for voorstel in queryset.filter(status=VernietigingsVoorstel.Status.VOORGESTELD):
            retention.proposal_reject(actor=request.user, voorstel=voorstel)
            count += 1
        self.message_user(
            request, _("%(count)s voorstel(len) afgewezen.") % {"count": count}, messages.SUCCESS
        )


@admin.register(Organisatie)
class OrganisatieAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    """Organisation settings: the beheerder chooses the retention term of the own organisation."""

    organisation_field = "pk"
    list_display = ["naam", "bewaartermijn"]
    fields = ["naam", "bewaartermijn", "briefhoofd_adres", "briefhoofd_telefoon", "briefhoofd_email"]
    readonly_fields = ["naam"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        admin.ModelAdmin.save_model(self, request, obj, form, change)


# Second-factor devices: the beheerder of the organisation removes a lost phone's device (the user
# enrols again at the next login). django-otp's own admin shows the secret key and every
# organisation's users; this one shows neither.
for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


class BevestigdFilter(admin.SimpleListFilter):
    title = _("in gebruik")
    parameter_name = "in_gebruik"

    def lookups(self, request, model_admin):
        return [("1", _("Ja")), ("0", _("Nee, nog niet bevestigd"))]

    def queryset(self, request, queryset):
        if self.value() in ("0", "1"):
            return queryset.filter(confirmed=self.value() == "1")
        return queryset


@admin.register(TOTPDevice, StaticDevice)
class DeviceAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    organisation_field = "user__organisatie_id"
    # django-otp's fields have English labels and help texts (fixed in its migrations): shown
    # here through Dutch-labelled columns instead.
    list_display = ["gebruiker", "naam", "in_gebruik"]
    list_filter = [BevestigdFilter]
    search_fields = ["user__username", "user__last_name"]
    fields = ["gebruiker", "naam", "in_gebruik"]
    readonly_fields = ["gebruiker", "naam", "in_gebruik"]

    @admin.display(description=_("gebruiker"), ordering="user__username")
    def gebruiker(self, obj):
        return obj.user

    @admin.display(description=_("naam"), ordering="name")
    def naam(self, obj):
        return obj.name

    @admin.display(description=_("in gebruik"), boolean=True, ordering="confirmed")
    def in_gebruik(self, obj):
        return obj.confirmed

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        account_services.device_removed_by_beheer(actor=request.user, device=obj, request=request)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for device in queryset.select_related("user"):
            account_services.device_removed_by_beheer(actor=request.user, device=device, request=request)
        super().delete_queryset(request, queryset)
