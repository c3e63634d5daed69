from django.contrib import admin

from municipalities.models import Municipality


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "population", "population_date", "published")
    list_filter = ("kind", "published")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
