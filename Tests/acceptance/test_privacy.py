"""Readers' privacy and link integrity.

- No built page makes the browser contact another host: no src=, srcset=,
  poster=, <link href> (of a kind the browser fetches), inline or <style> CSS
  url(), nor CSS file url()/@import pointing at http://, https:// or //.
  Plain <a href> to outside sites are fine.
- Every internal URL (root-relative, starting with /) resolves to a file of the
  output: percent-decoded, /x/ -> /x/index.html. /images/ is exempt.
- Internal links are root-relative (no "../x" or "x/")."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import support
from support import BASE_URL

OWN_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(BASE_URL))


@pytest.fixture(scope="module")
def scans(site, pages):
    return {p.relative_to(site).as_posix(): support.scan(p) for p in pages}


def test_pages_request_nothing_from_other_hosts(scans):
    bad = []
    for page, s in scans.items():
        for what, url in s.fetched:
            if support.is_external(url):
                bad.append(f"{page}: {what} -> {url}")
        for rels, url in s.link_tags:
            # <link rel=canonical/alternate> fetch nothing, but may only name the site itself.
            if rels and rels <= support.NON_FETCH_RELS and support.is_external(url) \
                    and not url.startswith(OWN_ORIGIN + "/"):
                bad.append(f"{page}: <link rel={' '.join(sorted(rels))}> -> {url}")
    assert not bad, f"{len(bad)} requests to other hosts:\n" + "\n".join(bad[:50])


def test_css_requests_nothing_from_other_hosts(site):
    css = support.css_files(site)
    assert css, "no CSS in the output"
    bad = [f"{f.relative_to(site)}: {u}" for f in css
           for u in support.css_urls(f.read_text(encoding="utf-8")) if support.is_external(u)]
    assert not bad, "CSS loads from other hosts:\n" + "\n".join(bad)


def internal_urls(site: Path, scans) -> list[tuple[str, str, str]]:
    """(where, what, url) for every root-relative URL in pages and CSS files."""
    out = []
    for page, s in scans.items():
        for what, url in s.fetched + s.links:
            if support.is_root_relative(url):
                out.append((page, what, url))
    for f in support.css_files(site):
        for u in support.css_urls(f.read_text(encoding="utf-8")):
            if support.is_root_relative(u):
                out.append((f.relative_to(site).as_posix(), "css url()", u))
    return out


def broken_internal(site: Path, urls, prefix: str = "") -> list[str]:
    bad = []
    for where, what, url in urls:
        try:
            target = support.url_path_to_file(site, url, prefix)
        except UnicodeDecodeError:
            bad.append(f"{where}: {what} {url} is not UTF-8 once percent-decoded")
            continue
        if target is None:
            bad.append(f"{where}: {what} {url} lacks the base URL's path prefix {prefix}")
            continue
        rel = "/" + target.relative_to(site).as_posix()
        if rel.startswith("/images/"):
            continue
        if not target.is_file():
            bad.append(f"{where}: {what} {url} -> no file {rel}")
    return bad


def test_internal_urls_resolve(site, scans):
    urls = internal_urls(site, scans)
    assert urls, "no root-relative links at all in the built pages"
    bad = broken_internal(site, urls)
    assert not bad, f"{len(bad)} broken internal URLs:\n" + "\n".join(sorted(set(bad))[:80])


def test_term_pages_are_reachable_with_percent_encoded_links(site, scans):
    """Non-ASCII term folders exist on disk and links to them are percent-encoded."""
    hrefs = {u for s in scans.values() for _, u in s.links if support.is_root_relative(u)}
    raw_non_ascii = sorted(u for u in hrefs if re.search(r"[^\x00-\x7f]", u))
    assert not raw_non_ascii, f"links with raw non-ASCII characters (should be percent-encoded): {raw_non_ascii[:10]}"
    for kind in ("categories", "tags"):
        assert (site / kind / "index.html").is_file(), f"no /{kind}/index.html"
        linked = [u for u in hrefs if u.startswith(f"/{kind}/") and u != f"/{kind}/"]
        assert linked, f"no page links to any /{kind}/<term>/ page"


def test_internal_links_are_root_relative(scans):
    bad = []
    for page, s in scans.items():
        for what, url in s.links + s.fetched:
            u = url.strip()
            if not u or u.startswith(("#", "/", "mailto:", "tel:", "data:")) or support.is_external(u):
                continue
            if re.match(r"^[a-z][a-z0-9+.-]*:", u, re.I):  # other schemes (sms:, ...)
                continue
            bad.append(f"{page}: {what} {url}")
    assert not bad, "relative (not root-relative) internal URLs:\n" + "\n".join(bad[:50])


# A page on a cheap phone over a slow link: HTML plus CSS plus JavaScript of any page of the
# example site under 60 KB before images, as published (not compressed); the theme's CSS under 25 KB.
PAGE_BUDGET = 60 * 1024
CSS_BUDGET = 25 * 1024


def test_every_page_fits_the_weight_budget(site, pages):
    css = sum(p.stat().st_size for p in support.css_files(site))
    assert css < CSS_BUDGET, f"the theme's CSS is {css} bytes; the budget is {CSS_BUDGET}"
    scripts = sum(p.stat().st_size for p in site.rglob("*.js"))
    heaviest = max(pages, key=lambda p: p.stat().st_size)
    total = heaviest.stat().st_size + css + scripts
    assert total < PAGE_BUDGET, f"{heaviest.relative_to(site)}: {total} bytes with its CSS and scripts; the budget is {PAGE_BUDGET}"
