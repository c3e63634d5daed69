"""Enquiries and appointment requests (see the enquiries issue)."""
