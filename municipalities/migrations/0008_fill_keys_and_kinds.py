from django.db import migrations


KINDS = {
    "kita", "kindertagespflege", "grundschule", "hauptschule", "realschule", "sekundarschule",
    "gesamtschule", "gymnasium", "foerderschule", "berufskolleg", "hochschule", "forschung", "vhs",
    "krankenhaus", "notfallpraxis", "rettung", "bahnhof", "bus", "bad", "see", "museum", "park",
    "sport", "kultur", "bibliothek", "rathaus", "buergerbuero", "behoerde", "beratung",
    "arbeitgeber", "gewerbegebiet", "other",
}


def fill_keys_and_kinds(apps, schema_editor):
    """Places and links entered by staff get a key; a place's free-text kind becomes one of the
    kinds (its German text if it names one, otherwise "other"). The generated topic sections
    are removed with their table: their text was the same boilerplate in every municipality."""
    for name in ("Place", "Link"):
        model = apps.get_model("municipalities", name)
        for obj in model.objects.all():
            obj.key = f"{name.lower()}-{obj.pk}"
            fields = ["key"]
            if name == "Place":
                kind = (obj.kind_de or obj.kind or "").strip().lower()
                obj.kind = kind if kind in KINDS else "other"
                fields.append("kind")
            obj.save(update_fields=fields)


class Migration(migrations.Migration):

    dependencies = [
        ('municipalities', '0007_sourced_fields'),
    ]

    operations = [
        migrations.RunPython(fill_keys_and_kinds, migrations.RunPython.noop),
    ]
