"""Every built event.ics as a calendar library reads it (PyPI's icalendar), held against
the post page that links it: the same post, the same start, the same title."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import html5lib
import icalendar
import pytest

from support import BASE_URL, NOW

HOST = "puentes.example.org"


def calendars(site: Path) -> list[Path]:
    return sorted(site.glob("posts/*/event.ics"))


def page_of(ics: Path) -> Path:
    return ics.parent / "index.html"


def parse_html(path: Path):
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def classes(element) -> set[str]:
    return set(element.get("class", "").split())


def event_block(page: Path):
    blocks = [e for e in parse_html(page).iter("section") if "event" in classes(e)]
    assert len(blocks) == 1, f"{page}: expected one <section class=\"event\">, found {len(blocks)}"
    return blocks[0]


def instant(iso: str) -> datetime:
    return datetime.fromisoformat(iso).astimezone(timezone.utc)


def test_the_example_site_has_events(site):
    assert len(calendars(site)) >= 2, f"expected the example site's events to have .ics files: {calendars(site)}"


def test_each_calendar_is_crlf_and_folded(site):
    for ics in calendars(site):
        data = ics.read_bytes()
        assert data.endswith(b"\r\n"), f"{ics}: does not end with CRLF"
        lines = data[:-2].split(b"\r\n")
        assert not any(b"\n" in line or b"\r" in line for line in lines), f"{ics}: a line ends without CRLF"
        long = [line for line in lines if len(line) > 75]
        assert not long, f"{ics}: lines longer than 75 octets: {long}"
        for line in lines:
            line.decode("utf-8")  # a fold inside a UTF-8 sequence would leave half a character here


def test_each_calendar_matches_its_post_page(site):
    uids = set()
    for ics in calendars(site):
        slug = ics.parent.name
        calendar = icalendar.Calendar.from_ical(ics.read_bytes())
        assert str(calendar["VERSION"]) == "2.0"
        assert str(calendar["PRODID"])
        events = list(calendar.walk("VEVENT"))
        assert len(events) == 1, f"{ics}: {len(events)} VEVENTs"
        event = events[0]

        uid = str(event["UID"])
        assert uid == f"{slug}@{HOST}", f"{ics}: UID {uid!r}"
        assert uid not in uids
        uids.add(uid)
        assert str(event["URL"]) == f"{BASE_URL}posts/{slug}/", f"{ics}: URL {event['URL']}"

        page = page_of(ics)
        assert page.is_file(), f"{ics}: no post page beside it"
        tree = parse_html(page)
        title = "".join(next(tree.iter("h1")).itertext())
        assert str(event["SUMMARY"]) == title, f"{ics}: SUMMARY {event['SUMMARY']!r}, page title {title!r}"

        times = [t.get("datetime") for t in event_block(page).iter("time")]
        start = event["DTSTART"].dt
        assert start.tzinfo is not None and start.utcoffset().total_seconds() == 0, f"{ics}: DTSTART not in UTC"
        assert start == instant(times[0]), f"{ics}: DTSTART {start}, the page says {times[0]}"
        if "DTEND" in event:
            assert len(times) == 2 and event["DTEND"].dt == instant(times[1]), f"{ics}: DTEND differs from the page"
            assert event["DTEND"].dt >= start

        links = [a.get("href") for a in event_block(page).iter("a")]
        assert f"/posts/{slug}/event.ics" in links, f"{page}: does not link its calendar file ({links})"


def test_every_event_block_links_a_calendar_that_exists(site):
    for page in sorted(site.glob("posts/*/index.html")):
        if 'class="event"' not in page.read_text(encoding="utf-8"):
            continue
        assert (page.parent / "event.ics").is_file(), f"{page}: shows an event but has no event.ics"


def test_events_page_splits_at_the_builds_now(site):
    page = site / "events" / "index.html"
    assert page.is_file(), "no /events/ page"
    tree = parse_html(page)
    now = instant(NOW.replace("Z", "+00:00"))
    sections = {name: [s for s in tree.iter("section") if name in classes(s)] for name in ("events-upcoming", "events-past")}
    assert sections["events-upcoming"] and sections["events-past"], "the example site should have upcoming and past events"

    def starts(section) -> list[tuple[datetime, str]]:
        found = []
        for item in section.iter("article"):
            href = next(item.iter("a")).get("href")
            ics = site / href.strip("/") / "event.ics"
            event = next(iter(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")))
            end = event["DTEND"].dt if "DTEND" in event else event["DTSTART"].dt
            found.append((event["DTSTART"].dt, end))
        return found

    upcoming = starts(sections["events-upcoming"][0])
    past = starts(sections["events-past"][0])
    assert all(end >= now for _, end in upcoming), f"an event listed as upcoming ended before {NOW}"
    assert all(end < now for _, end in past), f"an event listed as past ends after {NOW}"
    assert [s for s, _ in upcoming] == sorted(s for s, _ in upcoming), "upcoming events are not soonest first"
    assert [s for s, _ in past] == sorted((s for s, _ in past), reverse=True), "past events are not most recent first"
