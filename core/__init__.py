"""The site's infrastructure that belongs to no single concern: publishing, translation status,
the page cache, the search engine, text formats, iCalendar, mail, public submissions and their
protection, CSV writing, the KERN form helpers, admin mixins, roles and the admin start page.

Every app builds on `core`; `core` imports none of them (see the import-linter contracts in
pyproject.toml). Apps plug in through registries: search sources (`core.search`), start-page
panels (`core.dashboard`), page lifetimes (`core.page_cache`) and personal-data sources
(`core.personal_data`).
"""
