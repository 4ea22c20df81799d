"""Issue 17: the example site's newsletter editions as a mail server, a mail reader and a feed
reader take them. Each edition.eml is sent with curl to an aiosmtpd server this test starts on
127.0.0.1 (bounded in time, stopped by the test) and read back with Python's email package."""
import email
import email.policy
import re
import socket
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import support
import pytest
from aiosmtpd.controller import Controller

BUDGET = 60 * 1024
SENDER = "news@puentes.example.org"

# Inline CSS properties that Gmail (web), Outlook for Windows or Apple Mail do not support, from
# caniemail.com's tables (read 2026-12): each is unsupported or only partly supported in one of
# them, so an edition that used it would look different there.
UNSUPPORTED_CSS = (
    "position", "float", "max-width", "min-width", "max-height", "overflow", "border-radius", "box-shadow",
    "opacity", "transform", "transition", "animation", "flex", "grid", "gap", "object-fit", "background-image",
)
# Elements a mail client drops or blocks (the same tables): scripts, forms, media, embedded documents.
UNSUPPORTED_ELEMENTS = ("script", "link", "iframe", "form", "input", "button", "video", "audio", "svg", "picture", "source",
                        "object", "embed", "canvas")


def editions(site: Path) -> list[Path]:
    found = sorted(site.glob("newsletter/*/edition.eml")) + sorted(site.glob("*/newsletter/*/edition.eml"))
    assert found, "the example site has no newsletter edition"
    return found


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


class Inbox:
    def __init__(self):
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.original_content or envelope.content)
        return "250 OK"


def test_every_edition_is_sent_and_read_back(site):
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port, ready_timeout=10)
    controller.start()
    try:
        for path in editions(site):
            subprocess.run(["curl", "--silent", "--show-error", "--max-time", "20", "--url", f"smtp://127.0.0.1:{port}",
                            "--mail-from", SENDER, "--mail-rcpt", "reader@example.org", "--upload-file", str(path)],
                           check=True, timeout=30)
        deadline = time.monotonic() + 10
        while len(inbox.messages) < len(editions(site)) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        controller.stop()
    assert len(inbox.messages) == len(editions(site))
    for path, raw in zip(editions(site), inbox.messages):
        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert message.get_content_type() == "multipart/alternative", path
        parts = list(message.iter_parts())
        assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"], path
        assert all(p.get_content_charset() == "utf-8" for p in parts)
        text, html = parts[0].get_content(), parts[1].get_content()
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        assert str(message["Subject"]) == email.utils.unquote(title.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")), path
        assert message["From"].addresses[0].addr_spec == SENDER
        assert "To" not in message
        # The same posts in both parts: every post link of the HTML is in the text.
        links = {a.get("href") for tag, a in tags(html) if tag == "a" and "/posts/" in (a.get("href") or "")}
        assert links, path
        for link in links:
            assert link in text, f"{path}: {link} is in the HTML part only"
        # The message's lines end in CRLF, as mail's do; otherwise it is email.html.
        assert html.replace("\r\n", "\n") == (path.parent / "email.html").read_text(encoding="utf-8")


def test_every_email_is_made_for_mail_clients(site):
    for path in sorted(site.rglob("email.html")):
        html = path.read_text(encoding="utf-8")
        assert len(html.encode()) < BUDGET, f"{path}: {len(html.encode())} bytes"
        for tag, attributes in tags(html):
            assert tag not in UNSUPPORTED_ELEMENTS, f"{path}: <{tag}>"
            for name in ("href", "src"):
                value = attributes.get(name)
                if value is not None:
                    assert value.startswith(("https://", "*|", "tel:", "mailto:")), f"{path}: {name}={value}"
            if tag == "img":
                assert all(attributes.get(k) for k in ("width", "height")) and "alt" in attributes, f"{path}: {attributes}"
            for declaration in (attributes.get("style") or "").split(";"):
                prop = declaration.split(":")[0].strip().lower()
                assert not any(prop == bad or prop.startswith(bad + "-") for bad in UNSUPPORTED_CSS), f"{path}: {declaration}"
        assert (path.parent / "fragment.html").read_text(encoding="utf-8") in html


def test_the_digest_feed_carries_each_whole_email(site):
    # As a mailing service reads it: the HTML as written, not cleaned for a browser's page.
    parsed = feedparser.parse(str(site / "newsletter" / "feed.xml"), sanitize_html=False, resolve_relative_uris=False)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.entries
    for entry in parsed.entries:
        content = entry.content[0].value
        web = entry.link.replace("https://puentes.example.org/", "")
        assert content.strip() == (site / web / "email.html").read_text(encoding="utf-8").strip()


def test_the_newsletter_command_prints_an_editions_files(source, tmp_path):
    out = tmp_path / "site"
    proc = subprocess.run([str(support.broadside_bin()), "newsletter", "--source", str(source), "--output", str(out),
                           "--week", "2026-W45", "--now", "2026-11-20T12:00:00Z"],
                          capture_output=True, text=True, timeout=120, env=support.utf8_env())
    assert proc.returncode == 0, proc.stderr
    paths = proc.stdout.splitlines()
    assert [Path(p).relative_to(out).as_posix() for p in paths] == [
        "newsletter/2026-w45/index.html", "newsletter/2026-w45/email.html", "newsletter/2026-w45/email.txt",
        "newsletter/2026-w45/edition.eml", "newsletter/2026-w45/fragment.html"]
    assert all(Path(p).is_file() for p in paths)
    wrong = subprocess.run([str(support.broadside_bin()), "newsletter", "--source", str(source), "--output", str(out), "--date", "Nov 3"],
                           capture_output=True, text=True, timeout=120, env=support.utf8_env())
    assert wrong.returncode == 2
    assert "error: --date Nov 3 is not a day" in wrong.stderr and "hint: write the day as 2026-11-03" in wrong.stderr
