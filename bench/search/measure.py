#!/usr/bin/env python3
"""The measuring half of bench/search/run.sh (see README.md there). Subcommands:

  word CORPUS                      the query word of the first-query figures: the word in the most
                                   `lang: es` posts that is in no English one (or $QUERY), with
                                   the numbers of posts it is in
  queries CORPUS SITE OUT          200 recall queries from the corpus's titles (seeded), each
                                   with its post's address in SITE (a built Broadside site), to OUT
  time FILE                        wall_s= and peak_rss_mb= from a `/usr/bin/time -v` report
  tree DIR [SUBDIR|@search-pages] files= and bytes= under DIR/SUBDIR, or of Broadside's search
                                   pages and scripts (in search/ or buscar/, or *search*.js/.css)
  changed BEFORE AFTER (SUBDIR|@search-pages)
                                   what changed between two builds there (bench/publish/changed.py)
  browse --tool broadside|pagefind --site DIR --word W --queries FILE --work DIR [--n N]
                                   serves DIR on 127.0.0.1 and drives headless Chromium: the first
                                   query on a fresh profile (requests, bytes, round trips), then
                                   the recall queries in one session; prints RESULT lines

Needs selenium (run.sh makes a venv with it), Debian's chromium and chromedriver.
"""

import argparse
import collections
import gzip
import http.server
import json
import os
import random
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "publish"))
import changed as publish_changed  # noqa: E402  (bench/publish/changed.py: SHA-256 of every file)

LOCALHOST = "127.0.0.1"
# The first-query measurements add this latency to every request (DevTools' network emulation),
# so that requests sent together are seen together: on the loopback a request answered in a
# millisecond would end before its neighbour, sent a moment later, starts.
LATENCY_MS = float(os.environ.get("LATENCY_MS", "50"))
# Pagefind's own bench page: Pagefind searches the index of the page's language (<html lang>).
PAGEFIND_PAGE = """<!DOCTYPE html>
<html lang="%s"><head><meta charset="utf-8"><title>Pagefind bench</title></head>
<body><p>Pagefind bench page (written by bench/search/measure.py).</p>
<script>
window.pagefindQuery = async (q) => {
  const pf = await import("/pagefind/pagefind.js");
  const s = await pf.search(q);
  const top = await Promise.all(s.results.slice(0, 10).map(r => r.data()));
  return {count: s.results.length, results: top.map(d => ({url: d.url, title: (d.meta || {}).title}))};
};
</script></body></html>
"""


# ---------------------------------------------------------------------------------------------
# The corpus

def corpus_posts(corpus: str) -> list[dict]:
    """Every post of the corpus in file-name order: slug, lang, title, body text."""
    folder = os.path.join(corpus, "content", "posts")
    posts = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        head, _, body = text[4:].partition("\n---\n")
        title = re.search(r'^title: "(.*)"$', head, re.M)
        lang = re.search(r"^lang: (\w+)$", head, re.M)
        posts.append({"slug": name[:-3], "lang": lang.group(1) if lang else "en",
                      "title": title.group(1).replace('\\"', '"') if title else "", "text": text})
    return posts


def words(text: str) -> list[str]:
    """Lower-cased words, punctuation and digits dropped (accents kept: a reader types them)."""
    return [w.lower() for w in re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", text))]


def pick_word(corpus: str) -> tuple[str, int, int]:
    df = {"es": collections.Counter(), "en": collections.Counter()}
    for p in corpus_posts(corpus):
        df["es" if p["lang"] == "es" else "en"].update(set(words(p["text"])))
    forced = os.environ.get("QUERY")
    if forced:
        w = forced.lower()
    else:
        # Most Spanish posts, no English one; ties by the word, so the same corpus gives the same word.
        w = min((w for w in df["es"] if len(w) >= 5 and df["en"][w] == 0), key=lambda w: (-df["es"][w], w))
    return w, df["es"][w], df["en"][w]


def post_address(site: str, slug: str) -> str | None:
    """The address of the post built from content/posts/<slug>.md: /posts/<slug>/ in Broadside."""
    if os.path.isfile(os.path.join(site, "posts", slug, "index.html")):
        return f"/posts/{slug}/"
    return None


# Words no reader searches for, left out of the queries (English and Spanish, three letters or more).
STOP = frozenset("""the and our that for with from this what who how why are was were not you your its into
after before about over under more than their they them has have had will can all one two new out off
where when which while too
los las del que por para con una uno sus como sobre desde entre qué cómo tan más sin hay muy ante tras
""".split())


def make_queries(corpus: str, site: str, out: str, count: int = 200, seed: int = 42) -> None:
    """One post in each of `count` equal stretches of the corpus (file-name order, a seeded place in
    the stretch; the next one whose title is unique in the corpus if that one's is not), its query
    the title word (three letters or more, not a word such as "the" or "los") that fewest other
    titles have, and the second fewest too unless the first is in no other title, in the
    title's order."""
    posts = corpus_posts(corpus)
    titles = collections.Counter(p["title"].lower() for p in posts)
    df = collections.Counter()
    for p in posts:
        df.update(set(w for w in words(p["title"]) if len(w) >= 3 and w not in STOP))
    rnd = random.Random(seed)
    stride = len(posts) / count
    rows = []
    for i in range(count):
        start = int(i * stride) + int(rnd.random() * stride)
        for j in list(range(start, len(posts))) + list(range(0, start)):
            p = posts[j]
            address = post_address(site, p["slug"])
            if titles[p["title"].lower()] == 1 and address and j not in (r[0] for r in rows):
                break
        title = words(p["title"])
        ranked = sorted(dict.fromkeys(w for w in title if len(w) >= 3 and w not in STOP),
                        key=lambda w: (df[w], title.index(w)))
        query = sorted(ranked[:1] if df[ranked[0]] == 1 else ranked[:2], key=title.index)
        rows.append((j, p["lang"], address, " ".join(query), p["title"]))
    # How many queries could be answered by titles alone: their words in at most 10 titles.
    title_words = [set(words(p["title"])) for p in posts]
    shared = [sum(1 for t in title_words if set(r[3].split()) <= t) for r in rows]
    print(f"RESULT bench=search-queries n={len(posts)} of={len(rows)} es={sum(1 for r in rows if r[1] == 'es')} "
          f"words_in_one_title={sum(1 for c in shared if c == 1)} words_in_at_most_10_titles={sum(1 for c in shared if c <= 10)}")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# lang\texpected address\tquery\ttitle (bench/search/measure.py queries)\n")
        for _, lang, address, query, title in rows:
            f.write(f"{lang}\t{address}\t{query}\t{title}\n")


def read_queries(path: str) -> list[tuple[str, str, str]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            lang, address, query, _ = line.rstrip("\n").split("\t")
            rows.append((lang, address, query))
    return rows


# ---------------------------------------------------------------------------------------------
# Files

def time_report(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    seconds = 0.0
    if wall:
        for part in wall.group(1).split(":"):
            seconds = seconds * 60 + float(part)
    return f"wall_s={seconds:.2f} peak_rss_mb={int(rss.group(1)) / 1024 if rss else 0:.0f}"


def is_search_page(rel: str) -> bool:
    """Broadside's search pages and their scripts: a file in a folder search/ or buscar/ (/es/buscar/),
    or a script, style sheet or WebAssembly with search in its name; not search-index/."""
    parts = rel.split("/")
    if parts[0] == "search-index":
        return False
    return (any(p in ("search", "buscar") for p in parts[:-1])
            or (parts[-1].endswith((".js", ".mjs", ".css", ".wasm")) and "search" in parts[-1]))


def select(files: dict, where: str) -> dict:
    if where == "@search-pages":
        return {p: v for p, v in files.items() if is_search_page(p)}
    prefix = where.rstrip("/") + "/"
    return {p[len(prefix):]: v for p, v in files.items() if p.startswith(prefix)}


def tree_report(root: str, where: str) -> str:
    files = select(publish_changed.tree(root), where) if os.path.isdir(root) else {}
    return f"files={len(files)} bytes={sum(size for size, _ in files.values())}"


def changed_report(before: str, after: str, where: str) -> str:
    b, a = select(publish_changed.tree(before), where), select(publish_changed.tree(after), where)
    new = [p for p in a if p not in b]
    changed = [p for p in a if p in b and a[p] != b[p]]
    deleted = [p for p in b if p not in a]
    sent = new + changed
    return (f"files={len(a)} uploaded={len(sent)} new={len(new)} changed={len(changed)} deleted={len(deleted)} "
            f"uploaded_bytes={sum(a[p][0] for p in sent)}")


# ---------------------------------------------------------------------------------------------
# The server: threads, no compression, every request logged with its bytes and times

class Server:
    def __init__(self, root: str):
        log = self.log = []

        class Handler(http.server.SimpleHTTPRequestHandler):
            extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                              ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript"}

            def __init__(self, *a, **k):
                super().__init__(*a, directory=root, **k)

            def setup(self):
                super().setup()
                self.sent = 0
                raw = self.wfile

                class Counting:
                    def write(_, b):
                        self.sent += len(b)
                        return raw.write(b)

                    def __getattr__(_, name):
                        return getattr(raw, name)
                self.wfile = Counting()

            protocol_version = "HTTP/1.1"  # keep-alive, as a real server

            def parse_request(self):
                self.started, self.sent = time.monotonic(), 0
                return super().parse_request()

            def handle_one_request(self):
                self.started = None
                super().handle_one_request()
                if self.started is not None and getattr(self, "path", None):
                    log.append({"path": self.path, "start": self.started, "end": time.monotonic(),
                                "bytes": self.sent, "status": getattr(self, "status", 0)})

            def send_response(self, code, message=None):
                self.status = code
                super().send_response(code, message)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer((LOCALHOST, 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def base(self) -> str:
        return f"http://{LOCALHOST}:{self.port}"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------------------------------------
# The browser

class CDPNetwork:
    """The Network events of the page and of every worker it starts, over a second DevTools
    connection to the page (chromedriver's performance log has none of a worker's requests:
    Pagefind fetches its index from one). Started before the first page is opened."""

    def __init__(self, driver, latency_ms: float):
        import urllib.request
        import websocket  # websocket-client, which selenium installs

        address = driver.capabilities["goog:chromeOptions"]["debuggerAddress"]
        with urllib.request.urlopen(f"http://{address}/json/list", timeout=10) as r:
            page = next(t for t in json.load(r) if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=10, suppress_origin=True)
        self.events, self.lock, self.next_id = [], threading.Lock(), 0
        self.closed = False
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()
        self.conditions = {"offline": False, "latency": latency_ms, "downloadThroughput": -1, "uploadThroughput": -1}
        self.send("Network.enable")
        self.send("Network.emulateNetworkConditions", self.conditions)
        self.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True})

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> None:
        with self.lock:
            self.next_id += 1
            message = {"id": self.next_id, "method": method, "params": params or {}}
            if session:
                message["sessionId"] = session
            self.ws.send(json.dumps(message))

    def read(self) -> None:
        import websocket
        while not self.closed:
            try:
                message = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                continue
            except Exception:
                return
            method = message.get("method", "")
            if method == "Target.attachedToTarget":
                session = message["params"]["sessionId"]
                self.send("Network.enable", session=session)
                self.send("Network.emulateNetworkConditions", self.conditions, session=session)
                self.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True},
                          session=session)
                self.send("Runtime.runIfWaitingForDebugger", session=session)
            elif method.startswith("Network."):
                # A worker's own script is announced to the page and finished in the worker's session,
                # under one requestId: ids are the browser's, unique across sessions.
                self.events.append(message)

    def close(self) -> None:
        self.closed = True
        try:
            self.ws.close()
        except Exception:
            pass


def make_driver(profile: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}", "--no-first-run",
                 "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-default-apps", "--no-default-browser-check", "--remote-allow-origins=*",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
        options.add_argument(flag)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver",
                      log_output=os.path.join(profile, "chromedriver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def network_requests(messages: list[dict]) -> list[dict]:
    """The HTTP requests of a stretch of DevTools Network events, with start, end and encodedDataLength."""
    reqs = {}
    for message in messages:
        method, p = message.get("method", ""), message.get("params", {})
        rid = p.get("requestId")
        if method == "Network.requestWillBeSent":
            url = p["request"]["url"]
            if url.startswith("http") and rid not in reqs:
                reqs[rid] = {"url": url, "start": p["timestamp"], "end": None, "bytes": 0, "status": 0,
                             "type": p.get("type", ""), "failed": False}
        elif rid in reqs:
            r = reqs[rid]
            if method == "Network.responseReceived":
                r["status"] = p["response"].get("status", 0)
                r["type"] = p.get("type", r["type"])
                r["headers"] = int(p["response"].get("encodedDataLength", 0) or 0)
            elif method == "Network.dataReceived":
                r["data"] = r.get("data", 0) + int(p.get("dataLength", 0))
            elif method == "Network.loadingFinished":
                # A worker's own script finishes with its headers' length alone (Chromium 14x):
                # the server sends no compression, so headers + data received is what came.
                r["end"] = p["timestamp"]
                r["bytes"] = max(int(p.get("encodedDataLength", 0)), r.get("headers", 0) + r.get("data", 0))
            elif method == "Network.loadingFailed":
                reqs[rid]["end"], reqs[rid]["failed"] = p["timestamp"], True
    return sorted(reqs.values(), key=lambda r: r["start"])


def round_trips(reqs: list[dict]) -> int:
    """The longest chain of requests each started after the one before it had finished."""
    depth = []
    for i, r in enumerate(reqs):
        before = [depth[j] for j, q in enumerate(reqs[:i]) if q["end"] is not None and q["end"] <= r["start"]]
        depth.append(1 + max(before, default=0))
    return max(depth, default=0)


class Session:
    """One Chromium (its own profile) with the network log read in stretches."""

    def __init__(self, work: str, network_log: bool):
        self.profile = tempfile.mkdtemp(prefix="profile-", dir=work)
        self.driver = make_driver(self.profile)
        self.cdp = CDPNetwork(self.driver, LATENCY_MS) if network_log else None
        self.seen = 0
        self.pending = []

    def entries(self) -> list[dict]:
        if self.cdp is None:
            return []
        events = self.cdp.events
        got, self.seen = events[self.seen:len(events)], len(events)
        self.pending += got
        return got

    def take(self) -> list[dict]:
        self.entries()
        out, self.pending = self.pending, []
        return out

    def settle(self, quiet: float = 1.0, limit: float = 30.0) -> None:
        """Waits until no request is in flight and none has started for `quiet` seconds."""
        deadline = time.monotonic() + limit
        last_change, seen = time.monotonic(), 0
        while time.monotonic() < deadline:
            self.entries()
            reqs = network_requests(self.pending)
            busy = any(r["end"] is None for r in reqs)
            if len(self.pending) != seen:
                seen, last_change = len(self.pending), time.monotonic()
            if not busy and time.monotonic() - last_change >= quiet:
                return
            time.sleep(0.2)

    def quit(self):
        try:
            if self.cdp:
                self.cdp.close()
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)


def run_query(driver, tool: str, query: str, lang: str) -> dict:
    """The query through the page's API; {missing: true} when the page has none."""
    if tool == "pagefind":
        script = """
            const [q, lang, done] = arguments;
            const t0 = performance.now();
            window.pagefindQuery(q).then(r => done({ok: r, ms: performance.now() - t0}),
                                         e => done({error: String(e && e.stack || e)}));"""
    else:
        script = """
            const [q, lang, done] = arguments;
            const wait = (n) => typeof window.broadsideSearch === "function" ? go()
                : n > 0 ? setTimeout(() => wait(n - 1), 100) : done({missing: true});
            const go = () => {
                const t0 = performance.now();
                Promise.resolve(window.broadsideSearch(q, {lang})).then(r => done({ok: {
                    count: r && r.count,
                    results: ((r && r.results) || []).slice(0, 10).map(x => ({url: x.url, title: x.title}))},
                    ms: performance.now() - t0}), e => done({error: String(e && e.stack || e)}));
            };
            wait(50);"""
    return driver.execute_async_script(script, query, lang)


def normal(url: str) -> str:
    path = urllib.parse.unquote(urllib.parse.urlsplit(url or "").path)
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return path if path.endswith("/") or "." in path.rsplit("/", 1)[-1] else path + "/"


def summarize(reqs: list[dict]) -> str:
    return (f"requests={len(reqs)} bytes={sum(r['bytes'] for r in reqs)} round_trips={round_trips(reqs)} "
            f"failed={sum(1 for r in reqs if r['failed'] or r['status'] >= 400)}")


def server_summary(log: list[dict]) -> str:
    # The server's count is a check of the browser's; its times are not (a request waits for a
    # free connection), so round trips are the browser's alone.
    return f"server_requests={len(log)} server_bytes={sum(r['bytes'] for r in log)}"


def gzip_bytes(site: str, reqs: list[dict]) -> int:
    """What the same files would weigh gzipped (-6) by a server that compresses: an estimate."""
    total = 0
    for r in reqs:
        path = os.path.join(site, normal(r["url"]).lstrip("/"))
        if path.endswith("/"):
            path += "index.html"
        if os.path.isfile(path):
            with open(path, "rb") as f:
                total += len(gzip.compress(f.read(), 6))
    return total


def write_requests(path: str, title: str, reqs: list[dict], t0: float | None = None) -> None:
    t0 = t0 if t0 is not None else (reqs[0]["start"] if reqs else 0)
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"# {title}\n")
        for r in reqs:
            end = f"{(r['end'] - t0) * 1000:8.1f}" if r["end"] is not None else "     ---"
            f.write(f"{(r['start'] - t0) * 1000:8.1f} {end} ms {r['status']:3} {r['bytes']:9} B "
                    f"{r['type']:<10} {urllib.parse.urlsplit(r['url']).path}\n")
        f.write("\n")


def search_page(site: str, lang: str) -> str | None:
    """Broadside's search page for lang: the first candidate the build wrote."""
    candidates = ["/es/buscar/", "/es/search/"] if lang == "es" else ["/search/", "/en/search/"]
    for path in candidates:
        if os.path.isfile(os.path.join(site, path.strip("/"), "index.html")):
            return path
    return None


def first_query(args, server: Server, word: str) -> None:
    """The first query on a fresh profile: after the page has loaded, and the page opened with ?q=."""
    detail = os.path.join(args.work, f"requests-{args.tool}.txt")
    open(detail, "w").close()
    n = args.n
    session = Session(args.work, network_log=True)
    try:
        if args.tool == "pagefind":
            path = "/pagefind-bench-es.html"
            session.driver.get(server.base() + path)
            session.settle(quiet=0.5)
        else:
            path = search_page(args.site, "es")
            if path is not None:
                session.driver.get(server.base() + path)
                session.settle(quiet=0.5)
            else:
                print(f"RESULT bench=search-first-query tool=broadside n={n} status=missing reason=no-es-search-page")
                return
        loaded = network_requests(session.take())
        extra = [r for r in loaded if r["type"] not in ("Document", "Stylesheet") and not r["url"].endswith("/favicon.ico")]
        write_requests(detail, f"{args.tool}: loading {path}", loaded)
        server.log.clear()
        t_query = time.monotonic()
        answer = run_query(session.driver, args.tool, word, "es")
        session.settle(quiet=0.5)
        reqs = network_requests(session.take())
        write_requests(detail, f"{args.tool}: the query {word!r}", reqs)
        if answer.get("missing") or "error" in answer:
            status = "missing" if answer.get("missing") else "error"
            print(f"RESULT bench=search-first-query tool={args.tool} n={n} status={status} page={path}")
            if "error" in answer:
                print(f"  {answer['error'][:500]}", file=sys.stderr)
            return
        ok = answer["ok"]
        top = [normal(r.get("url")) for r in ok["results"][:10]]
        print(f"RESULT bench=search-first-query tool={args.tool} n={n} word={word} page={path} {summarize(reqs)} "
              f"gzip_bytes={gzip_bytes(args.site, reqs)} results={ok['count']} query_ms={answer['ms']:.0f} "
              f"page_load_extra_requests={len(extra)} page_load_extra_bytes={sum(r['bytes'] for r in extra)} "
              f"latency_ms={LATENCY_MS:g} {server_summary(server.log)}")
        print(f"  top 3: {' '.join(top[:3])}", file=sys.stderr)
    finally:
        session.quit()

    if args.tool != "broadside":
        return
    # The page opened with ?q=WORD on a fresh profile: everything but the page itself and CSS.
    session = Session(args.work, network_log=True)
    try:
        server.log.clear()
        url = f"{path}?q={urllib.parse.quote(word)}"
        session.driver.get(server.base() + url)
        session.settle(quiet=2.0)
        every = network_requests(session.take())
        write_requests(detail, f"broadside: opening {url}", every)
        reqs = [r for r in every if r["type"] not in ("Document", "Stylesheet") and not r["url"].endswith("/favicon.ico")]
        log = [r for r in server.log if not r["path"].split("?")[0].endswith((".css", "/", ".html", "/favicon.ico"))]
        print(f"RESULT bench=search-first-query-url tool=broadside n={n} word={word} page={url} {summarize(reqs)} "
              f"gzip_bytes={gzip_bytes(args.site, reqs)} all_requests={len(every)} all_bytes={sum(r['bytes'] for r in every)} "
              f"{server_summary(log)}")
    finally:
        session.quit()


def recall(args, server: Server) -> None:
    queries = read_queries(args.queries)
    session = Session(args.work, network_log=False)
    hits, errors, missing = 0, 0, False
    misses = []
    try:
        by_lang = collections.defaultdict(list)
        for lang, address, query in queries:
            by_lang[lang].append((address, query))
        t0 = time.monotonic()
        for lang in sorted(by_lang):
            if args.tool == "pagefind":
                session.driver.get(server.base() + f"/pagefind-bench-{lang}.html")
            else:
                path = search_page(args.site, lang) or search_page(args.site, "es")
                if path is None:
                    missing = True
                    break
                session.driver.get(server.base() + path)
            for address, query in by_lang[lang]:
                answer = run_query(session.driver, args.tool, query, lang)
                if answer.get("missing"):
                    missing = True
                    break
                if "error" in answer:
                    errors += 1
                    continue
                top = [normal(r.get("url")) for r in answer["ok"]["results"][:10]]
                if address in top:
                    hits += 1
                else:
                    misses.append(f"{lang}\t{address}\t{query}\t{answer['ok']['count']}\t{' '.join(top[:3])}")
            if missing:
                break
        if missing:
            print(f"RESULT bench=search-recall tool={args.tool} n={args.n} status=missing")
            return
        with open(os.path.join(args.work, f"misses-{args.tool}.txt"), "w", encoding="utf-8") as f:
            f.write("# lang\texpected\tquery\tcount\ttop 3\n" + "\n".join(misses) + "\n")
        print(f"RESULT bench=search-recall tool={args.tool} n={args.n} hits={hits} of={len(queries)} errors={errors} "
              f"wall_s={time.monotonic() - t0:.1f}")
    finally:
        session.quit()


def browse(args) -> int:
    if args.tool == "pagefind":
        for lang in ("en", "es"):
            with open(os.path.join(args.site, f"pagefind-bench-{lang}.html"), "w") as f:
                f.write(PAGEFIND_PAGE % lang)
    server = Server(args.site)
    try:
        first_query(args, server, args.word)
        if args.queries:
            recall(args, server)
    finally:
        server.stop()
    return 0


def main() -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the finally blocks quit Chromium
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("word").add_argument("corpus")
    q = sub.add_parser("queries")
    q.add_argument("corpus"), q.add_argument("site"), q.add_argument("out")
    sub.add_parser("time").add_argument("file")
    t = sub.add_parser("tree")
    t.add_argument("dir"), t.add_argument("where", nargs="?", default="")
    c = sub.add_parser("changed")
    c.add_argument("before"), c.add_argument("after"), c.add_argument("where")
    b = sub.add_parser("browse")
    b.add_argument("--tool", choices=["broadside", "pagefind"], required=True)
    b.add_argument("--site", required=True)
    b.add_argument("--word", required=True)
    b.add_argument("--queries")
    b.add_argument("--work", required=True)
    b.add_argument("--n", default=os.environ.get("N", "10000"))
    args = parser.parse_args()
    if args.command == "word":
        w, es, en = pick_word(args.corpus)
        print(f"{w} es_posts={es} en_posts={en}")
    elif args.command == "queries":
        make_queries(args.corpus, args.site, args.out)
    elif args.command == "time":
        print(time_report(args.file))
    elif args.command == "tree":
        if args.where == "":
            files = publish_changed.tree(args.dir) if os.path.isdir(args.dir) else {}
            print(f"files={len(files)} bytes={sum(size for size, _ in files.values())}")
        else:
            print(tree_report(args.dir, args.where))
    elif args.command == "changed":
        print(changed_report(args.before, args.after, args.where))
    elif args.command == "browse":
        return browse(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
