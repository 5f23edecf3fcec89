from django.contrib import admin

from .models import ReportRun


@admin.register(ReportRun)
class ReportRunAdmin(admin.ModelAdmin):
    """Read-only overview for functioneel beheer: runs are made and retried on the Rapportages page."""

    list_display = [
        "organisatie",
        "schooljaar",
        "vergelijkingsjaar",
        "status",
        "voortgang",
        "aangemaakt_op",
        "klaar_op",
    ]
    list_filter = ["status", "organisatie"]
    date_hierarchy = "aangemaakt_op"
    readonly_fields = [field.name for field in ReportRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
