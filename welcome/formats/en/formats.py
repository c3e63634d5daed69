"""British English formats for the English pages: "31 December 2023", 24-hour times.

Django's own English formats are American ("Dec. 31, 2023", "p.m."); FORMAT_MODULE_PATH in
settings.py puts these first. https://docs.djangoproject.com/en/5.2/topics/i18n/formatting/
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
