
import django.core.validators
import django.db.models.deletion
import municipalities.models
import core.sourced
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('municipalities', '0006_district_map'),
    ]

    operations = [
        migrations.AddField(
            model_name='link',
            name='key',
            field=models.SlugField(blank=True, default='', max_length=100, verbose_name='key'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='link',
            name='source_as_of',
            field=models.CharField(blank=True, help_text='The date the source gave (2022, 2022-03 or 2022-03-14); empty if it gave none.', max_length=10, validators=[django.core.validators.RegexValidator('^\\d{4}(-\\d{2}(-\\d{2})?)?$', 'Enter a year, a month or a day: 2022, 2022-03 or 2022-03-14.')], verbose_name='as of (Stand)'),
        ),
        migrations.AddField(
            model_name='link',
            name='source_publisher',
            field=models.CharField(default='', help_text='Who publishes the source, as readers know them: “Gemeinde Kreuzau”.', max_length=200, verbose_name='publisher of the source'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='link',
            name='source_url',
            field=core.sourced.SourceURLField(default='', help_text='The page this comes from (the original page, never a copy or a cache).', max_length=500, verbose_name='source'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='place',
            name='key',
            field=models.SlugField(blank=True, default='', max_length=100, verbose_name='key'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='place',
            name='source_as_of',
            field=models.CharField(blank=True, help_text='The date the source gave (2022, 2022-03 or 2022-03-14); empty if it gave none.', max_length=10, validators=[django.core.validators.RegexValidator('^\\d{4}(-\\d{2}(-\\d{2})?)?$', 'Enter a year, a month or a day: 2022, 2022-03 or 2022-03-14.')], verbose_name='as of (Stand)'),
        ),
        migrations.AddField(
            model_name='place',
            name='source_publisher',
            field=models.CharField(default='', help_text='Who publishes the source, as readers know them: “Gemeinde Kreuzau”.', max_length=200, verbose_name='publisher of the source'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='place',
            name='source_url',
            field=core.sourced.SourceURLField(default='', help_text='The page this comes from (the original page, never a copy or a cache).', max_length=500, verbose_name='source'),
            preserve_default=False,
        ),
    ]
