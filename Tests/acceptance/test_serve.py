"""`broadside serve`, the live preview, with real clients: an HTTP client that edits and
breaks a post, raw request lines that try to leave the output folder (sent over a socket,
since clients such as curl remove `..` before sending), headless Chromium driven by
Selenium that sees the page reload, and wrk under load while the site is rebuilt."""

from __future__ import annotations

import http.client
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

import support

START_TIMEOUT = 60   # the first build of a debug binary on a loaded machine
CHANGE_TIMEOUT = 5   # a timeout for a rebuild to show, not a speed measure

POST = """---
title: "{title}"
date: 2026-05-01
---
{body}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def release_binary() -> Path:
    """wrk measures the server as editors run it: the release binary, when `make test` has built
    one (install-check does, before the acceptance tests); else the binary under test."""
    release = os.environ.get("BROADSIDE_RELEASE_BIN")
    return Path(release) if release and Path(release).is_file() else support.broadside_bin()


class Preview:
    def __init__(self, root: Path, base_url: str = "https://example.org/", binary: Path | None = None,
                 args: tuple[str, ...] = (), prefix: tuple[str, ...] = ()):
        self.source = root / "site-source"
        (self.source / "content/posts").mkdir(parents=True)
        shutil.copytree(support.REPO / "themes", self.source / "themes")
        (self.source / "site.yml").write_text(f'title: "Preview test"\nbase_url: "{base_url}"\n', encoding="utf-8")
        self.write_post("First words of the post.")
        self.tmp = root / "tmp"   # the preview's temporary folder goes here, to check it is removed
        self.tmp.mkdir()
        self.port = free_port()
        env = support.utf8_env()
        env["TMPDIR"] = str(self.tmp)
        self.proc = subprocess.Popen(
            [*prefix, str(binary or support.broadside_bin()), "serve", "--source", str(self.source), "--port", str(self.port), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env, text=True)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if self.get("/")[0] in (200, 302):
                    break
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"broadside serve did not start\n{self.output}", pytrace=False)
            time.sleep(0.1)

    def write_post(self, body: str, title: str = "Hello Preview") -> None:
        (self.source / "content/posts/hello.md").write_text(POST.format(title=title, body=body), encoding="utf-8")

    def get(self, path: str, host: str | None = None) -> tuple[int, dict[str, str], str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", path, headers={"Host": host or f"127.0.0.1:{self.port}"})
            response = conn.getresponse()
            body = response.read().decode("utf-8", "replace")
            return response.status, {k.lower(): v for k, v in response.getheaders()}, body
        finally:
            conn.close()

    def wait_for(self, path: str, needle: str, absent: str | None = None) -> str:
        """The page once it shows `needle` (and not `absent`): the files of a build are in
        place a moment before the server has taken in the build's outcome."""
        deadline = time.monotonic() + CHANGE_TIMEOUT
        while True:
            status, _, body = self.get(path)
            if needle in body and (absent is None or absent not in body):
                return body
            if time.monotonic() > deadline:
                pytest.fail(f"{path} did not show {needle!r} within {CHANGE_TIMEOUT} s (status {status}):\n{body[-2000:]}",
                            pytrace=False)
            time.sleep(0.1)

    def raw(self, request: bytes, timeout: float = 20) -> bytes:
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(request)
            data = b""
            try:
                while chunk := s.recv(65536):
                    data += chunk
            except ConnectionResetError:
                pass
            return data

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        out, err = self.proc.communicate()
        self.output = f"exit code {self.proc.returncode}\n--- stdout ---\n{out}\n--- stderr ---\n{err}"

    output = ""


@pytest.fixture
def preview(tmp_path):
    p = Preview(tmp_path)
    yield p
    p.stop()


def test_preview_serves_rebuilds_shows_errors_and_refuses_traversal(preview):
    status, headers, body = preview.get("/posts/hello/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8", body
    assert "First words of the post." in body
    assert f'<script src="/__broadside/reload.js" data-build="1"></script>\n</body>' in body
    status, headers, _ = preview.get("/posts/hello")
    assert (status, headers["location"]) == (302, "/posts/hello/")
    status, headers, _ = preview.get("/css/style.css")
    assert (status, headers["content-type"]) == (200, "text/css; charset=utf-8")
    status, headers, body = preview.get("/feed.xml")
    assert status == 200 and "<script" not in body and headers["content-type"] == "application/xml; charset=utf-8"
    assert preview.get("/", host="evil.example:%d" % preview.port)[0] == 403

    # An edit shows up; then a mistake shows the build's messages over the last good page.
    preview.write_post("Edited words, after saving.")
    preview.wait_for("/posts/hello/", "Edited words, after saving.")
    (preview.source / "content/posts/hello.md").write_text(
        '---\ntitle: "Hello Preview"\ndate: 2026-05-01\nkind: dispach\n---\nBroken now.\n', encoding="utf-8")
    body = preview.wait_for("/posts/hello/", 'id="broadside-build-errors"')
    assert "Edited words, after saving." in body, "the last good page stays served under the overlay"
    assert ('<pre>error: content/posts/hello.md:4:7: unknown kind &quot;dispach&quot;\n  |\n 4 | kind: dispach\n'
            '  |       ^\n  hint: did you mean `dispatch`?') in body, body
    preview.write_post("Fixed again.")
    preview.wait_for("/posts/hello/", "Fixed again.", absent="broadside-build-errors")

    # Raw request lines: nothing outside the output folder, whatever the encoding.
    host = f"Host: 127.0.0.1:{preview.port}\r\n".encode()
    outside = [b"root:x:0:0", socket.gethostname().encode() + b"\n"]
    for target, allowed in [
        (b"/..%2f..%2f..%2fetc/hostname", {404}), (b"/..%2f..%2f..%2f..%2f..%2f..%2fetc/passwd", {404}),
        (b"/%2e%2e/%2e%2e/%2e%2e/etc/passwd", {404}), (b"/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", {404}),
        (b"/%252e%252e%252f%252e%252e%252fetc/passwd", {404}), (b"/..\\..\\..\\etc\\passwd", {404}),
        (b"/%5c..%5c..%5cetc%5cpasswd", {404}), (b"/index.html%00.css", {404}), (b"/%00", {404}),
        (b"/../../../etc/passwd", {404}), (b"/posts/../../../../etc/passwd", {404}), (b"/./../etc/passwd", {404}),
        (b"/%c0%ae%c0%ae/etc/passwd", {404}), (b"http://127.0.0.1/etc/passwd", {400}),
        (b"/" + b"a" * 100_000, {414}),
    ]:
        response = preview.raw(b"GET " + target + b" HTTP/1.1\r\n" + host + b"Connection: close\r\n\r\n")
        status = int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/1.1 ") else None
        assert status in allowed, f"GET {target[:60]!r}: {response[:300]!r}"
        assert not any(secret in response for secret in outside), f"GET {target[:60]!r} leaked a file: {response[:300]!r}"
    response = preview.raw(b"GET / HTTP/1.1\r\n" + host + b"X-Big: " + b"a" * 100_000 + b"\r\nConnection: close\r\n\r\n")
    assert response.startswith(b"HTTP/1.1 431 "), response[:300]

    # A client that sends half a request and stalls does not hold up the others.
    with socket.create_connection(("127.0.0.1", preview.port), timeout=10) as slow:
        slow.sendall(b"GET /posts/hello/ HTTP/1.1\r\n" + host[: len(host) // 2])
        started = time.monotonic()
        for _ in range(20):
            assert preview.get("/posts/hello/")[0] == 200
        assert time.monotonic() - started < 10
    assert preview.get("/")[0] == 200, "still serving after every refusal"

    preview.stop()
    assert preview.proc.returncode == 0, preview.output
    assert list(preview.tmp.iterdir()) == [], "the preview's temporary folder is removed on Ctrl-C"
    assert "error: content/posts/hello.md:4:7:" in preview.output, "the terminal shows the build's errors too"
    assert not (preview.source / "site").exists(), "the preview never writes into site/"


def test_site_under_a_path_is_previewed_there(tmp_path):
    p = Preview(tmp_path, base_url="https://example.org/news/")
    try:
        status, headers, _ = p.get("/")
        assert (status, headers["location"]) == (302, "/news/")
        status, _, body = p.get("/news/posts/hello/")
        assert status == 200 and "First words of the post." in body
        assert p.get("/posts/hello/")[0] == 404
    finally:
        p.stop()


def test_a_change_to_base_urls_path_moves_the_preview(tmp_path):
    p = Preview(tmp_path, base_url="https://example.org/")
    try:
        assert p.get("/posts/hello/")[0] == 200
        (p.source / "site.yml").write_text('title: "Preview test"\nbase_url: "https://example.org/news/"\n', encoding="utf-8")
        p.wait_for("/news/posts/hello/", "First words of the post.")
        assert p.get("/posts/hello/")[0] == 404
        status, headers, _ = p.get("/")
        assert (status, headers["location"]) == (302, "/news/")
    finally:
        p.stop()


def closed_by_server(sock: socket.socket) -> bool:
    sock.setblocking(False)
    try:
        return sock.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def open_idle(port: int, count: int, into: list[socket.socket]) -> None:
    """Tries `count` connections that send nothing, keeping each one made in `into` (the caller
    closes them). One refused while the preview listens again is tried later, not counted."""
    for _ in range(count):
        try:
            into.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        except OSError:
            time.sleep(0.05)


def test_two_thousand_idle_connections_against_1024_descriptors(tmp_path):
    """The soft and hard limits both 1,024, so none can be raised: the preview sheds its oldest
    idle connections, or listens again after a failed accept, and answers the next request."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard < 2200:
        pytest.skip(f"this test needs 2,200 descriptors of its own (hard limit {hard})")
    resource.setrlimit(resource.RLIMIT_NOFILE, (2200, hard))
    p = Preview(tmp_path, prefix=("prlimit", "--nofile=1024:1024", "--"))
    idle: list[socket.socket] = []
    try:
        open_idle(p.port, 2000, idle)
        assert len(idle) >= 1000
        time.sleep(1)   # let the server take in the last of them
        assert closed_by_server(idle[0]), "the oldest idle connection was shed"
        assert not closed_by_server(idle[-1]), "the newest is kept"
        status, _, body = p.get("/posts/hello/")
        assert status == 200 and "First words of the post." in body
        assert p.proc.poll() is None, "the preview is still running"
    finally:
        for s in idle:
            s.close()
        p.stop()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert p.proc.returncode == 0, p.output


def resident_mb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) // 1024


def test_slow_clients_of_a_big_page_do_not_hold_a_copy_each(tmp_path):
    """40 clients ask for a 40 MB page and read nothing: a copy each would be 1.6 GB."""
    p = Preview(tmp_path)
    clients = []
    try:
        static = p.source / "static"
        static.mkdir()
        (static / "big.html").write_bytes(b"<html><body>" + b"a" * (40 << 20) + b"</body></html>\n")
        p.wait_for("/big.html", "</script>")
        before = resident_mb(p.proc.pid)
        for _ in range(40):
            s = socket.create_connection(("127.0.0.1", p.port), timeout=10)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.sendall(f"GET /big.html HTTP/1.1\r\nHost: 127.0.0.1:{p.port}\r\n\r\n".encode())
            clients.append(s)
        time.sleep(2)   # every response started, each stopped by its client's full window
        grown = resident_mb(p.proc.pid) - before
        assert grown < 200, f"the preview grew by {grown} MB for 40 slow clients"
        status, _, body = p.get("/posts/hello/")
        assert status == 200 and "First words of the post." in body
    finally:
        for s in clients:
            s.close()
        p.stop()


def test_too_many_pipelined_requests_get_an_answer_not_a_reset(preview):
    """20,000 requests sent before any answer is read: the server answers what it can, then
    says 429 and closes; the client reads to the end without a reset."""
    request = f"GET /posts/hello/ HTTP/1.1\r\nHost: 127.0.0.1:{preview.port}\r\n\r\n".encode()
    with socket.create_connection(("127.0.0.1", preview.port), timeout=20) as s:
        s.sendall(request * 20_000)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    assert data.count(b"HTTP/1.1 200 OK") >= 100
    last = data.rindex(b"HTTP/1.1 ")
    assert data[last:].startswith(b"HTTP/1.1 429 Too Many Requests\r\n"), data[last:last + 200]
    assert b"Connection: close" in data[last:]


def test_a_limit_of_64_descriptors_does_not_end_the_preview(tmp_path):
    """So few descriptors that accepting one queue's worth of connections runs out of them:
    FlyingFox's server fails at `accept`, and the preview sheds and listens again."""
    p = Preview(tmp_path, prefix=("prlimit", "--nofile=64:64", "--"))
    idle: list[socket.socket] = []
    try:
        open_idle(p.port, 300, idle)
        time.sleep(1)
        status, _, body = p.get("/posts/hello/")
        assert status == 200 and "First words of the post." in body
        assert p.proc.poll() is None, "the preview is still running"
    finally:
        for s in idle:
            s.close()
        p.stop()
    assert p.proc.returncode == 0, p.output


def test_port_in_use_is_a_usage_error(preview):
    proc = support.run([support.broadside_bin(), "serve", "--source", preview.source, "--port", preview.port], timeout=60)
    assert proc.returncode == 2, support.describe(proc)
    assert f"error: port {preview.port} on 127.0.0.1 is already in use" in proc.stderr


def test_open_page_reloads_in_chromium_after_an_edit(preview, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}",
                 "--no-first-run", "--disable-extensions", "--disable-background-networking",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
        options.add_argument(flag)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.get(f"http://127.0.0.1:{preview.port}/posts/hello/")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Hello Preview"
        driver.execute_script("window.notReloaded = true")
        preview.write_post("First words of the post.", title="Hello Again")
        WebDriverWait(driver, 15).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Hello Again")
        assert driver.execute_script("return window.notReloaded === undefined"), "the page itself reloaded"
        # The site has no favicon.ico; the browser asks for one anyway.
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE" and "favicon.ico" not in e["message"]]
        assert not errors, errors
    finally:
        driver.quit()


def read_until_closed(sock: socket.socket) -> tuple[bytes, float]:
    """What the server sent before closing the connection, and how long that took; a socket
    timeout (the connection kept open) fails the test."""
    started, data = time.monotonic(), b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except ConnectionResetError:
        pass
    except socket.timeout:
        pytest.fail(f"the connection was still open after {sock.gettimeout()} s", pytrace=False)
    return data, time.monotonic() - started


def read_response(sock: socket.socket) -> bytes:
    """One response with a Content-Length, from a keep-alive connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?i)\r\ncontent-length: *(\d+)", head).group(1))
    while len(body) < length:
        body += sock.recv(65536)
    return head


def test_stalled_and_idle_connections_are_closed_but_reload_events_stay_open(tmp_path):
    # The limits shortened from 10 s and 75 s; the waits below are generous timeouts.
    request_limit, idle_limit = 1, 4
    preview = Preview(tmp_path, args=("--request-timeout", str(request_limit), "--idle-timeout", str(idle_limit)))
    host = f"Host: 127.0.0.1:{preview.port}\r\n".encode()
    try:
        events = socket.create_connection(("127.0.0.1", preview.port), timeout=30)
        events.sendall(b"GET /__broadside/events HTTP/1.1\r\n" + host + b"\r\n")
        heard = b""
        while b"event: build\ndata: 1\n" not in heard:
            heard += events.recv(65536)

        # Half a request, then nothing: closed without an answer, while another client is served.
        with socket.create_connection(("127.0.0.1", preview.port), timeout=30) as stalled:
            stalled.sendall(b"GET / HTTP/1.1\r\n" + host)
            for _ in range(5):
                assert preview.get("/posts/hello/")[0] == 200
            data, _ = read_until_closed(stalled)
            assert data == b""
        # A connection that says nothing at all is closed too.
        with socket.create_connection(("127.0.0.1", preview.port), timeout=30) as silent:
            assert read_until_closed(silent)[0] == b""

        # Keep-alive browsing: a pause longer than the request's limit between two requests
        # keeps the connection; a pause of the idle limit ends it.
        with socket.create_connection(("127.0.0.1", preview.port), timeout=30) as browser:
            request = b"GET /posts/hello/ HTTP/1.1\r\n" + host + b"\r\n"
            browser.sendall(request)
            assert read_response(browser).startswith(b"HTTP/1.1 200 ")
            time.sleep(request_limit + 1.5)
            browser.sendall(request)
            assert read_response(browser).startswith(b"HTTP/1.1 200 ")
            data, waited = read_until_closed(browser)
            assert data == b"" and waited > request_limit + 1, f"closed after {waited:.1f} s"

        # The reload events, open all along, still tell the page of the next build.
        preview.write_post("Edited after the limits passed.")
        events.settimeout(CHANGE_TIMEOUT + 10)
        while b"event: build\ndata: 2\n" not in heard:
            chunk = events.recv(65536)
            assert chunk, f"the events stream was closed; it had sent {heard!r}"
            heard += chunk
        events.close()
        assert preview.get("/")[0] == 200
    finally:
        preview.stop()
    assert preview.proc.returncode == 0, preview.output


def test_wrk_under_load_while_rebuilding(tmp_path):
    preview = Preview(tmp_path, binary=release_binary())
    try:
        wrk_while_rebuilding(preview)
    finally:
        preview.stop()


def wrk_while_rebuilding(preview):
    stop = threading.Event()

    def edit():
        n = 0
        while not stop.wait(1.0):
            n += 1
            preview.write_post(f"Rebuild number {n}.")

    editor = threading.Thread(target=edit)
    editor.start()
    try:
        proc = support.run(["wrk", "-t", "2", "-c", "64", "-d", "10s", "--timeout", "5s",
                            f"http://127.0.0.1:{preview.port}/posts/hello/"], timeout=60)
    finally:
        stop.set()
        editor.join()
    assert proc.returncode == 0, support.describe(proc)
    requests = int(re.search(r"(\d+) requests in", proc.stdout).group(1))
    assert requests >= 10_000, proc.stdout
    assert "Socket errors" not in proc.stdout, proc.stdout
    assert "Non-2xx or 3xx responses" not in proc.stdout, proc.stdout
    preview.wait_for("/posts/hello/", "Rebuild number")
