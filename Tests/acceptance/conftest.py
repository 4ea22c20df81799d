"""Session fixtures: the example site is built ONCE with the real binary and
every test reads that output."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import feedparser
import pytest

import support


@pytest.fixture(scope="session")
def source() -> Path:
    return support.source_dir()


@pytest.fixture(scope="session")
def build(source, tmp_path_factory) -> SimpleNamespace:
    """The example site built once into a temp folder: .site (Path), .proc."""
    support.broadside_bin()  # fails with a clear message when the binary is missing
    out = tmp_path_factory.mktemp("build") / "site"
    proc = support.build_ok(source, out)
    return SimpleNamespace(site=out, proc=proc)


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build.site


@pytest.fixture(scope="session")
def pages(site) -> list[Path]:
    files = support.html_files(site)
    assert files, f"the build wrote no HTML files into {site}"
    return files


@pytest.fixture(scope="session")
def feed_path(site) -> Path:
    path = site / "feed.xml"
    assert path.is_file(), f"no feed.xml in the output; files: {sorted(p.name for p in site.iterdir())}"
    return path


@pytest.fixture(scope="session")
def feed(feed_path):
    """feedparser's view of feed.xml (parsed from bytes: no network, no base guessing)."""
    return feedparser.parse(feed_path.read_bytes())


@pytest.fixture(scope="session")
def site_title(source, feed) -> str:
    """The site's title as site.yml states it (`title:`), else the feed's channel title."""
    import yaml

    data = yaml.safe_load((source / "site.yml").read_text(encoding="utf-8")) or {}
    title = data.get("title") if isinstance(data, dict) else None
    if not title:
        title = feed.feed.get("title")
    assert title, "no site title in site.yml (`title:`) nor in the feed"
    return str(title)


@pytest.fixture(scope="module")
def served_site(site):
    """The example site from a plain file server on 127.0.0.1, stopped after the module; its
    `requests` are (path, status) as they came."""
    with support.file_server(site) as server:
        yield server


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    """Debian's Chromium through Selenium, headless, resolving no name but 127.0.0.1."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    profile = tmp_path_factory.mktemp("selenium-profile")
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}", "--no-first-run",
                 "--disable-extensions", "--disable-background-networking",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
        options.add_argument(flag)
    chrome = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    chrome.set_page_load_timeout(60)
    try:
        yield chrome
    finally:
        chrome.quit()
