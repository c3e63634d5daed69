
import django.core.validators
import django.db.models.deletion
import municipalities.models
import core.sourced
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('municipalities', '0008_fill_keys_and_kinds'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='place',
            name='kind_de',
        ),
        migrations.RemoveField(
            model_name='place',
            name='kind_en',
        ),
        migrations.AlterField(
            model_name='place',
            name='kind',
            field=models.CharField(choices=[('kita', 'Kitas (day care centres)'), ('kindertagespflege', 'Childminding (Kindertagespflege)'), ('grundschule', 'Primary schools (Grundschule)'), ('hauptschule', 'Hauptschule'), ('realschule', 'Realschule'), ('sekundarschule', 'Sekundarschule'), ('gesamtschule', 'Comprehensive schools (Gesamtschule)'), ('gymnasium', 'Gymnasium'), ('foerderschule', 'Special schools (Förderschule)'), ('berufskolleg', 'Vocational colleges (Berufskolleg)'), ('hochschule', 'Universities'), ('forschung', 'Research'), ('vhs', 'Adult education (VHS)'), ('krankenhaus', 'Hospitals'), ('notfallpraxis', 'Out-of-hours practices'), ('rettung', 'Emergency services'), ('bahnhof', 'Stations'), ('bus', 'Buses'), ('bad', 'Swimming pools'), ('see', 'Lakes'), ('museum', 'Museums'), ('park', 'Parks and nature'), ('sport', 'Sport'), ('kultur', 'Culture'), ('bibliothek', 'Libraries'), ('rathaus', 'Town halls'), ('buergerbuero', 'Citizens’ offices (Bürgerbüro)'), ('behoerde', 'Public offices'), ('beratung', 'Advice'), ('arbeitgeber', 'Employers'), ('gewerbegebiet', 'Business parks'), ('other', 'Other places')], default='other', max_length=20, verbose_name='kind'),
        ),
        migrations.AlterField(
            model_name='link',
            name='key',
            field=models.SlugField(blank=True, help_text='A fixed identifier; the initial content finds its records by it. Left empty, one is made up.', max_length=100, unique=True, verbose_name='key'),
        ),
        migrations.AlterField(
            model_name='place',
            name='key',
            field=models.SlugField(blank=True, help_text='A fixed identifier; the initial content finds its records by it. Left empty, one is made up.', max_length=100, unique=True, verbose_name='key'),
        ),
        migrations.AlterField(
            model_name='link',
            name='municipality',
            field=models.ForeignKey(blank=True, help_text='Empty: it holds for the whole district.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='links', to='municipalities.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='link',
            name='topic',
            field=models.CharField(choices=[('work', 'Work and economy'), ('education', 'Education and schools'), ('childcare', 'Child care'), ('health', 'Health'), ('leisure', 'Leisure and culture'), ('mobility', 'Mobility'), ('housing', 'Housing and moving'), ('moving', 'Moving and first steps'), ('integration', 'Integration and language')], max_length=20, verbose_name='topic'),
        ),
        migrations.AlterField(
            model_name='link',
            name='url',
            field=municipalities.models.WebsiteField(max_length=500, verbose_name='address (URL)'),
        ),
        migrations.AlterField(
            model_name='place',
            name='municipality',
            field=models.ForeignKey(blank=True, help_text='Empty: it holds for the whole district.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='places', to='municipalities.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='place',
            name='topic',
            field=models.CharField(choices=[('work', 'Work and economy'), ('education', 'Education and schools'), ('childcare', 'Child care'), ('health', 'Health'), ('leisure', 'Leisure and culture'), ('mobility', 'Mobility'), ('housing', 'Housing and moving'), ('moving', 'Moving and first steps'), ('integration', 'Integration and language')], max_length=20, verbose_name='topic'),
        ),
        migrations.AlterField(
            model_name='place',
            name='website',
            field=municipalities.models.WebsiteField(blank=True, max_length=300, verbose_name='website'),
        ),
        migrations.CreateModel(
            name='Fact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.SlugField(blank=True, help_text='A fixed identifier; the initial content finds its records by it. Left empty, one is made up.', max_length=100, unique=True, verbose_name='key')),
                ('source_url', core.sourced.SourceURLField(help_text='The page this comes from (the original page, never a copy or a cache).', max_length=500, verbose_name='source')),
                ('source_publisher', models.CharField(help_text='Who publishes the source, as readers know them: “Gemeinde Kreuzau”.', max_length=200, verbose_name='publisher of the source')),
                ('source_as_of', models.CharField(blank=True, help_text='The date the source gave (2022, 2022-03 or 2022-03-14); empty if it gave none.', max_length=10, validators=[django.core.validators.RegexValidator('^\\d{4}(-\\d{2}(-\\d{2})?)?$', 'Enter a year, a month or a day: 2022, 2022-03 or 2022-03-14.')], verbose_name='as of (Stand)')),
                ('translation_fingerprint', models.CharField(blank=True, editable=False, max_length=64, verbose_name='fingerprint of the German text at the last translation')),
                ('topic', models.CharField(choices=[('work', 'Work and economy'), ('education', 'Education and schools'), ('childcare', 'Child care'), ('health', 'Health'), ('leisure', 'Leisure and culture'), ('mobility', 'Mobility'), ('housing', 'Housing and moving'), ('moving', 'Moving and first steps'), ('integration', 'Integration and language')], max_length=20, verbose_name='topic')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('text', models.TextField(help_text='One or two plain sentences.', verbose_name='text')),
                ('text_de', models.TextField(help_text='One or two plain sentences.', null=True, verbose_name='text')),
                ('text_en', models.TextField(help_text='One or two plain sentences.', null=True, verbose_name='text')),
                ('municipality', models.ForeignKey(blank=True, help_text='Empty: it holds for the whole district.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='facts', to='municipalities.municipality', verbose_name='municipality')),
            ],
            options={
                'verbose_name': 'fact',
                'verbose_name_plural': 'facts',
                'ordering': ['topic', 'position', 'pk'],
            },
        ),
        migrations.DeleteModel(
            name='Section',
        ),
    ]
