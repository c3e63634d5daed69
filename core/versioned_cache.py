"""What many pages need and only content changes: computed once per content version.

The page cache's version number (core/page_cache.py) moves on whenever page content is
committed, and its code release with every deploy. A value stored with the version it was
computed at is therefore right as long as the version is the same: the Welcome-Center with its
hours for the footer of every page, the next change of a publish window. One cache read instead
of the queries, and never stale. A cache that fails is a miss (core/cache_access.py).
"""

from core import cache_access
from core.page_cache import VERSION_KEY, code_release

# A day at most: what depends on the date says so in its name.
MAX_SECONDS = 24 * 3600


def per_content_version(name, build, is_current=None):
    """`build()`, or what it returned before at the same content version and code release.

    `is_current(value)` may turn down a stored value that time has overtaken. The version is read
    before `build()` runs: a change committed in between makes the stored value outdated at once.
    """
    key = f"page-cache:{name}:{code_release()}"
    found = cache_access.get_many([VERSION_KEY, key])
    version, entry = found.get(VERSION_KEY, 0), found.get(key)
    if entry is not None and entry[0] == version and (is_current is None or is_current(entry[1])):
        return entry[1]
    value = build()
    cache_access.set(key, (version, value), MAX_SECONDS)
    return value
