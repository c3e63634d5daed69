"""The one client-address function (for the rate limit, and for the login protection to come):
behind N trusted proxies, the entry the outermost of them appended to X-Forwarded-For."""

import pytest
from django.test import RequestFactory

from core.rate_limit import client_address


def request(remote="10.0.0.2", forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_a_proxy_the_connection_counts_and_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


@pytest.mark.parametrize(
    "proxies,forwarded,expected",
    [
        # nginx appended the address it saw; what the client sent before it is ignored.
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "1.2.3.4, 203.0.113.9", "203.0.113.9"),
        (1, "forged, 6.6.6.6 ,203.0.113.9", "203.0.113.9"),
        # a load balancer and nginx: the balancer's entry is the client's address.
        (2, "1.2.3.4, 203.0.113.9, 10.0.0.5", "203.0.113.9"),
        (2, "2001:db8::0:1, 10.0.0.5", "2001:db8::1"),
    ],
)
def test_behind_proxies_the_entry_of_the_outermost_proxy_counts(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(request(forwarded=forwarded)) == expected


@pytest.mark.parametrize("forwarded", [None, "", "203.0.113.9", "not-an-address, 10.0.0.5"])
def test_a_header_the_proxies_cannot_have_written_falls_back_to_the_connection(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request("10.0.0.2", forwarded)) == "10.0.0.2"
