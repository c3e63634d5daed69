from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from welcome.models import OpeningHours, WelcomeCenter


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(WelcomeCenter)
class WelcomeCenterAdmin(TranslationAdmin):
    list_display = ("name", "street", "city", "phone", "email")
    inlines = (OpeningHoursInline,)
