"""The site search's registry and engine: every kind of content searched at once, grouped by type
(the results page is welcome.views.SearchView).

Each app says what can be found in its own `search.py` by calling `register(SearchSource(...))`
(see municipalities/search.py), and may add synonyms kept as data (`register_synonyms`); this
module (the registry and the engine) finds those modules on first use.

A query's words must all match (each by itself or by one of its synonyms: "Kindergarten" finds
"Kita"). On PostgreSQL the search is full-text with the language's stemming (German or English),
ranked, with highlighted snippets. On SQLite (the default for `make run`) the same rules run in
Python with the Snowball stemmers of both languages, stemming the query and the text alike, so
that plurals and inflections ("Krankenhäuser", "hospitals") behave as in production. Results
with the same snippet (one sentence in many places) are grouped into one.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer
from django import forms
from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.html import escape
from django.utils.module_loading import autodiscover_modules
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

from core.text import flatten

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
RESULTS_PER_SOURCE = 20
# Rows read per source before grouping identical snippets (bounded whatever the content).
CANDIDATES_PER_SOURCE = 200
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
    queryset: callable = None
    fields: tuple = ()
    snippet_field: str = ""
    title: callable = str
    url: callable = field(default=lambda obj: obj.get_absolute_url())
    order: int = 100
    # Instead of a queryset: a function of the language that returns (title, url, text) for
    # content that is not a model (the topic pages); always matched in Python.
    entries: callable = None


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


# Synonyms -------------------------------------------------------------------------------------

_synonym_files = []


def register_synonyms(path):
    """Add a synonym file: one rule per line, `everyday words => official terms` (each side a
    comma-separated list; a term may have several words), or a plain list of equivalent terms;
    `#` starts a comment. The rules apply in every language."""
    if path not in _synonym_files:
        _synonym_files.append(Path(path))
        synonym_rules.cache_clear()


def parse_synonyms(text):
    """[(terms that trigger, terms added)], every term as a tuple of lower-case words."""
    rules = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        left, arrow, right = line.partition("=>")
        phrases = [tuple(WORD.findall(part.lower())) for part in left.split(",")]
        phrases = [phrase for phrase in phrases if phrase]
        added = [tuple(WORD.findall(part.lower())) for part in right.split(",")] if arrow else []
        added = [phrase for phrase in added if phrase]
        rules.append((phrases, added if arrow else phrases))
    return rules


@cache
def synonym_rules():
    sources()  # the apps register their files when their search modules load
    rules = []
    for path in _synonym_files:
        rules.extend(parse_synonyms(path.read_text(encoding="utf-8")))
    return rules


def word_groups(words):
    """The query as groups that must all match; a group matches if any of its alternatives does,
    an alternative if all its words do. "day care Düren" → [[("day", "care"), ("kita",)],
    [("düren",)]]."""
    lowered = [word.lower() for word in words]
    groups, index = [], 0
    rules = synonym_rules()
    while index < len(lowered):
        best = None
        for triggers, added in rules:
            for phrase in triggers:
                if same_words(lowered[index : index + len(phrase)], phrase) and (
                    best is None or len(phrase) > len(best[0])
                ):
                    best = (phrase, added)
        if best:
            phrase, added = best
            typed = tuple(lowered[index : index + len(phrase)])
            alternatives = [typed] + [term for term in added if term != typed]
            index += len(phrase)
        else:
            alternatives = [(lowered[index],)]
            index += 1
        groups.append(alternatives)
    return groups


def same_words(typed, phrase):
    """Whether the typed words are the phrase, word by word, also inflected ("Ärzte" is
    "Arzt", "doctors" is "doctor") in either language."""
    if len(typed) != len(phrase):
        return False
    return all(
        word == term
        or any(
            set(word_stems(word, code)) & set(word_stems(term, code)) for code in SNOWBALL_LANGUAGES
        )
        for word, term in zip(typed, phrase, strict=True)
    )


# Stemming in Python (SQLite, and content that is not in the database) --------------------------

SNOWBALL_LANGUAGES = {"de": "german", "en": "english"}


@cache
def stemmer(language):
    return snowballstemmer.stemmer(SNOWBALL_LANGUAGES.get(language, "english"))


@lru_cache(maxsize=4096)
def word_stems(word, language):
    """The stems of a word in the language (and in German also without a final s: "Kitas")."""
    word = word.lower()
    variants = {word}
    if len(word) > 3 and word.endswith("s"):
        variants.add(word[:-1])
    return tuple(sorted({stemmer(language).stemWord(variant) for variant in variants}))


class StemmedText:
    """A text prepared for matching: its words' stems (sorted, for prefix look-ups) and its
    lower-case form. Kept per text and language (`stemmed`), so that a search stems each text
    once."""

    def __init__(self, text, language):
        self.lowered = flatten(text or "").lower()
        words = set(WORD.findall(self.lowered))
        self.stems = sorted({stemmer(language).stemWord(word) for word in words} | words)

    def has_prefix(self, prefix):
        index = bisect_left(self.stems, prefix)
        return index < len(self.stems) and self.stems[index].startswith(prefix)

    def has_word(self, word, language):
        """By stem, as the start of a longer word's stem, or (four letters or more) inside a
        compound: "Bahn" finds "Bahnhof", "Krankenhaus" "Kreiskrankenhaus"."""
        if any(self.has_prefix(stem) for stem in word_stems(word, language)):
            return True
        return len(word) >= 4 and word.lower() in self.lowered


@lru_cache(maxsize=20000)
def stemmed(text, language):
    return StemmedText(text, language)


def python_rank(texts, groups, language):
    """0 if the groups do not all match the texts (most important first); else a rank that
    prefers matches in the first texts."""
    rank = 0
    for alternatives in groups:
        best = 0
        for alternative in alternatives:
            for position, text in enumerate(texts):
                if all(text.has_word(word, language) for word in alternative):
                    best = max(best, len(texts) - position)
                    break
        if not best:
            return 0
        rank += best
    return rank


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


def postgres_query(groups, config):
    """Every group must match, by one of its alternatives; a word by its stem or as the start
    of a longer word ("Bahn" finds "Bahnhof"); a final s is also tried without it, because
    German plurals such as "Kitas" keep the s that the stemmer leaves alone."""

    def word_query(word):
        variants = {word}
        if len(word) > 3 and word.endswith("s"):
            variants.add(word[:-1])
        return "(" + " | ".join(f"'{variant}':*" for variant in sorted(variants)) + ")"

    parts = []
    for alternatives in groups:
        options = [" & ".join(word_query(word) for word in phrase) for phrase in alternatives]
        parts.append("(" + " | ".join(f"({option})" for option in options) + ")")
    return SearchQuery(" & ".join(parts), search_type="raw", config=config)


def safe_highlight(text):
    """Escape the text, then turn only our own markers into <mark> tags."""
    text = escape(flatten(text))
    return mark_safe(text.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def plain_snippet(text, words, language="de"):
    """Python matching: the start of the text (or the passage around the first hit), the hits
    (words starting with a query word's stem) marked."""
    text = flatten(text)
    lowered = text.lower()
    prefixes = sorted(
        {stem for word in words for stem in {*word_stems(word, language), word.lower()}}
    )
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(prefix) for prefix in prefixes) + r")\w*", re.IGNORECASE
    )
    first = pattern.search(lowered)
    start = max(0, first.start() - 80) if first else 0
    excerpt = text[start : start + 240]
    if start:
        excerpt = "… " + excerpt
    if start + 240 < len(text):
        excerpt += " …"
    marked = pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", excerpt)
    return safe_highlight(marked)


def all_words(groups):
    return [word for alternatives in groups for phrase in alternatives for word in phrase]


def postgres_results(source, groups, language):
    queryset = source.queryset()
    model = queryset.model
    snippet = localized(model, source.snippet_field, language)
    config = TEXT_SEARCH_CONFIGS.get(language, "simple")
    vector = None
    for weight, name in zip("ABCD", source.fields, strict=False):
        part = SearchVector(localized(model, name, language), config=config, weight=weight)
        vector = part if vector is None else vector + part
    query = postgres_query(groups, config)
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
    return [
        (source.title(obj), source.url(obj), safe_highlight(obj.search_snippet))
        for obj in queryset[:CANDIDATES_PER_SOURCE]
    ]


def python_results(source, groups, language):
    """The source's rows matched in Python: one query (or none, for `entries`)."""
    if source.entries is not None:
        rows = [(title, url, [title, text], text) for title, url, text in source.entries(language)]
    else:
        queryset = source.queryset()
        model = queryset.model
        queryset = queryset.annotate(
            **{
                f"search_field_{index}": localized(model, name, language)
                for index, name in enumerate(source.fields)
            },
            search_snippet=localized(model, source.snippet_field, language),
        ).order_by("pk")
        rows = [
            (
                source.title(obj),
                source.url(obj),
                [getattr(obj, f"search_field_{index}") for index in range(len(source.fields))],
                obj.search_snippet,
            )
            for obj in queryset
        ]
    ranked = []
    for order, (title, url, texts, snippet) in enumerate(rows):
        rank = python_rank([stemmed(text or "", language) for text in texts], groups, language)
        if rank:
            ranked.append((-rank, order, title, url, snippet))
    ranked.sort(key=lambda row: row[:2])
    return [(title, url, snippet) for _rank, _order, title, url, snippet in ranked]


def grouped(found):
    """One result per snippet: the same sentence found in many places is one result that
    names the others ("also: Titz, Linnich")."""
    results, by_snippet = [], {}
    for title, url, snippet in found:
        key = str(snippet) if snippet else None
        if key and key in by_snippet:
            by_snippet[key]["also"].append({"title": title, "url": url})
            continue
        result = {"title": title, "url": url, "snippet": snippet, "also": []}
        if key:
            by_snippet[key] = result
        results.append(result)
    return results


def search_source(source, groups, language):
    """Up to RESULTS_PER_SOURCE results of one source, best first: one SQL query at most."""
    if settings.IS_POSTGRESQL and source.entries is None:
        results = grouped(postgres_results(source, groups, language))
    else:
        results = grouped(python_results(source, groups, language))
        words = all_words(groups)
        for result in results[:RESULTS_PER_SOURCE]:
            result["snippet"] = plain_snippet(result["snippet"] or "", words, language)
    return {
        "source": source,
        "results": results[:RESULTS_PER_SOURCE],
        "more": len(results) > RESULTS_PER_SOURCE,
    }


def search(query, language=None):
    """The results of every source that found something, in the sources' order."""
    words = terms(query)
    if not words:
        return []
    language = language or get_language()
    groups = word_groups(words)
    with override(language):  # titles and labels in the language searched
        found = [search_source(source, groups, language) for source in sources()]
    return [group for group in found if group["results"]]


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
