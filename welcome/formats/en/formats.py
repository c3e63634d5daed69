"""English dates as British readers write them: 14 May 2024, 14/05/2024, weeks from Monday.

Django's "en" formats are American ("May 14, 2024"); FORMAT_MODULE_PATH in settings.py points
here. https://docs.djangoproject.com/en/5.2/topics/i18n/formatting/#creating-custom-format-files
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, P"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y P"
FIRST_DAY_OF_WEEK = 1  # Monday
