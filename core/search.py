"""The site search's registry and engine: every kind of content searched at once, grouped by type
(the results page is welcome.views.SearchView).

Each app says what can be found in its own `search.py` by calling `register(SearchSource(...))`
(see municipalities/search.py); this module (the registry and the engine) finds those modules on
first use. On PostgreSQL the
search is full-text with the language's stemming (German or English), ranked, with highlighted
snippets; on SQLite it falls back to a case-insensitive substring match.
"""

import re
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.html import escape
from django.utils.module_loading import autodiscover_modules
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.text import flatten

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
RESULTS_PER_SOURCE = 20
SNIPPET_WORDS = 30
# PostgreSQL text search configuration per site language.
TEXT_SEARCH_CONFIGS = {"de": "german", "en": "english"}
# Private-use characters mark the highlights in the database's snippet; the text around them is
# escaped and only these markers become <mark> tags, so content can never inject markup.
START, STOP = "\ue000", "\ue001"
WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class SearchSource:
    """One kind of searchable content.

    fields: model fields to search, most important first (they are weighted A, B, C, D);
    translated fields are named without the language suffix; an entry may also be a function
    of the language code that returns an expression. snippet_field: the field the
    result's snippet comes from. title: how a result is called (default: str(obj)).
    """

    key: str
    label: str
    queryset: callable
    fields: tuple
    snippet_field: str
    title: callable = str
    url: callable = field(default=lambda obj: obj.get_absolute_url())
    order: int = 100


_sources = {}
_discovered = False


def register(source):
    _sources[source.key] = source
    return source


def sources():
    global _discovered
    if not _discovered:
        autodiscover_modules("search")
        _discovered = True
    return sorted(_sources.values(), key=lambda source: source.order)


def terms(query):
    """The words of the query (letters and digits only), at most MAX_TERMS."""
    return WORD.findall(query)[:MAX_TERMS]


def localized(model, name, language):
    """An expression for a field in the active language, falling back to German when empty.

    `name` may also be a function of the language that returns an expression (for text that is
    not stored in a field, such as a translated choice label)."""
    if callable(name):
        return name(language)
    fields = {f.name for f in model._meta.get_fields()}
    text = TextField()
    if f"{name}_{language}" not in fields:
        return Coalesce(F(name), Value(""), output_field=text)
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return Coalesce(F(f"{name}_{language}"), Value(""), output_field=text)
    default = f"{name}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
    current = NullIf(F(f"{name}_{language}"), Value(""), output_field=text)
    return Coalesce(current, F(default), Value(""), output_field=text)


def postgres_query(words, config):
    """Every word must match, by its stem or as the start of a longer word ("Bahn" finds
    "Bahnhof"); a final s is also tried without it, because German plurals such as "Kitas"
    keep the s that the stemmer leaves alone."""
    combined = None
    for word in words:
        variants = {word.lower()}
        if len(word) > 3 and word.lower().endswith("s"):
            variants.add(word.lower()[:-1])
        word_query = None
        for variant in sorted(variants):
            part = SearchQuery(f"'{variant}':*", search_type="raw", config=config)
            word_query = part if word_query is None else word_query | part
        combined = word_query if combined is None else combined & word_query
    return combined


def safe_highlight(text):
    """Escape the text, then turn only our own markers into <mark> tags."""
    text = escape(flatten(text))
    return mark_safe(text.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def plain_snippet(text, words):
    """SQLite: the start of the text (or the passage around the first hit), hits marked."""
    text = flatten(text)
    lowered = text.lower()
    positions = [lowered.find(word.lower()) for word in words if word.lower() in lowered]
    start = max(0, min(positions) - 80) if positions else 0
    excerpt = text[start : start + 240]
    if start:
        excerpt = "… " + excerpt
    if start + 240 < len(text):
        excerpt += " …"
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    marked = pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", excerpt)
    return safe_highlight(marked)


def search_source(source, words, language):
    """Up to RESULTS_PER_SOURCE + 1 results of one source, best first: one SQL query."""
    queryset = source.queryset()
    model = queryset.model
    snippet = localized(model, source.snippet_field, language)
    if settings.IS_POSTGRESQL:
        config = TEXT_SEARCH_CONFIGS.get(language, "simple")
        vector = None
        for weight, name in zip("ABCD", source.fields, strict=False):
            part = SearchVector(localized(model, name, language), config=config, weight=weight)
            vector = part if vector is None else vector + part
        query = postgres_query(words, config)
        queryset = (
            queryset.annotate(search_vector=vector, search_rank=SearchRank(vector, query))
            .filter(search_vector=query)
            .annotate(
                search_snippet=SearchHeadline(
                    snippet,
                    query,
                    config=config,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=SNIPPET_WORDS,
                    min_words=12,
                    short_word=2,
                )
            )
            .order_by("-search_rank", "pk")
        )
    else:
        condition = Q()
        for word in words:
            word_condition = Q()
            for index in range(len(source.fields)):
                word_condition |= Q(**{f"search_field_{index}__icontains": word})
            condition &= word_condition
        queryset = (
            queryset.annotate(
                **{
                    f"search_field_{index}": localized(model, name, language)
                    for index, name in enumerate(source.fields)
                },
                search_snippet=snippet,
            )
            .filter(condition)
            .order_by("pk")
        )
    found = list(queryset[: RESULTS_PER_SOURCE + 1])
    results = [
        {
            "title": source.title(obj),
            "url": source.url(obj),
            "snippet": safe_highlight(obj.search_snippet)
            if settings.IS_POSTGRESQL
            else plain_snippet(obj.search_snippet, words),
        }
        for obj in found[:RESULTS_PER_SOURCE]
    ]
    return {"source": source, "results": results, "more": len(found) > RESULTS_PER_SOURCE}


def search(query, language=None):
    """The results of every source that found something, in the sources' order."""
    words = terms(query)
    if not words:
        return []
    language = language or get_language()
    groups = [search_source(source, words, language) for source in sources()]
    return [group for group in groups if group["results"]]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search term"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        strip=True,
        error_messages={
            "max_length": _("Please use at most %(limit_value)d characters."),
        },
    )
