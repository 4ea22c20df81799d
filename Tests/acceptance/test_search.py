"""Issue 16: the site's own search, in headless Chromium (Selenium) from a plain file server on
127.0.0.1, on a site of 140 posts made here (the first 128 in the index's main part, the rest
in its recent part, so both are read): a word of one post's body finds it; an accent-free query
finds the accented word; "año" and "ano" are told apart; among equals, a title with the query's phrase comes first; the kind filter narrows the count; the
Spanish page lists Spanish posts first; a query with markup and quotes is shown as text; no
request leaves the local host; axe finds no violation on a page of results."""

from __future__ import annotations

import time
import urllib.parse

import pytest

import support

FILLER = 140


def post(folder, name, title, body, lang="en", kind="dispatch", day=1, month=1, categories=("Notes",), search=None):
    extra = f"search: {search}\n" if search is not None else ""
    cats = "".join(f'  - "{c}"\n' for c in categories)
    (folder / f"{name}.md").write_text(
        f'---\ntitle: "{title}"\ndate: 2025-{month:02d}-{day:02d}T10:00:00Z\nkind: {kind}\nlang: {lang}\n'
        f"categories:\n{cats}{extra}---\n\n{body}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    source = tmp_path_factory.mktemp("search-site")
    (source / "site.yml").write_text('title: "Search test"\nbase_url: "https://example.org/"\nlanguage: en\n', encoding="utf-8")
    posts = source / "content" / "posts"
    posts.mkdir(parents=True)
    for n in range(FILLER):
        day, month = n % 28 + 1, n // 28 + 1
        post(posts, f"filler-{n}", f"Filler dispatch {n}", f"An ordinary day at the clinic, number {n}.", day=day, month=month)
    # In the main part (old), then in the recent part (new).
    post(posts, "quillwort", "Notes from the river", "Volunteers found quillwort growing by the courthouse.", day=2, month=1)
    post(posts, "detencion", "Centro de detención", "La detención de familias continúa en el centro.", lang="es", day=3, month=1,
         categories=("Detención",))
    post(posts, "anio", "Un año de audiencias", "Fue un año largo para las familias.", lang="es", day=20, month=6)
    post(posts, "ano", "Visit to Punta Ano", "The boat reached Punta Ano before dawn.", day=21, month=6)
    post(posts, "tps-en", "TPS renewals open", "Renewals for TPS holders are open.", day=22, month=6)
    post(posts, "tps-es", "Renovación de TPS", "Las renovaciones de TPS están abiertas.", lang="es", day=10, month=6)
    post(posts, "hotline-letter", "Hotline letter", "The hotline answered every call.", kind="letter", day=23, month=6)
    post(posts, "hotline-report", "Hotline report", "The hotline log for the month.", kind="report", day=24, month=6)
    post(posts, "hidden", "Hidden hotline notice", "The hotline moved.", day=25, month=6, search="false")
    # The same words in both titles, so the same score; the newer has them apart.
    post(posts, "phrase", "Family detention ends in Harlow", "A quiet day.", day=26, month=6)
    post(posts, "apart", "Detention ends for a family in Harlow", "A quiet day.", day=27, month=6)
    output = tmp_path_factory.mktemp("search-out") / "site"
    support.build_ok(source, output, "--now", "2026-01-01T00:00:00Z")
    with support.file_server(output) as server:
        yield output, server


def search(driver, server, path, query="", **filters):
    params = {"q": query, **filters} if query else filters
    driver.get(support.address(server) + path + ("?" + urllib.parse.urlencode(params) if params else ""))
    driver.set_script_timeout(30)
    # The page's script runs the query on load; wait until it says how many it found.
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const status = document.getElementById("search-status");
        const check = () => {
            const text = status.textContent;
            if (text && !text.endsWith("…")) {
                done({status: text, results: [...document.querySelectorAll("#search-results li a")].map(a => [a.textContent, a.getAttribute("href")])});
            } else setTimeout(check, 50);
        };
        check();
    """)


def urls(found):
    return [href for _, href in found["results"]]


def test_the_index_the_pages_and_the_script_are_written(search_site):
    site, _ = search_site
    index = site / "search-index"
    assert (index / "manifest.bsi").read_bytes()[:2] == b"\x1f\x8b"
    assert any((index / "terms").iterdir()) and (index / "recent" / "0.bsi").is_file()
    assert (site / "search" / "index.html").is_file() and (site / "es" / "buscar" / "index.html").is_file()
    assert (site / "js" / "search.js").is_file()


def test_a_post_with_search_false_is_not_found(driver, search_site):
    # "moved" is in the body of the post with search: false alone; "hotline" in two others too.
    assert search(driver, search_site[1], "/search/", "moved")["status"] == "Nothing found. Try fewer words, or other ones."
    assert "/posts/hidden/" not in urls(search(driver, search_site[1], "/search/", "hotline"))


def test_a_word_of_one_posts_body_finds_it(driver, search_site):
    found = search(driver, search_site[1], "/search/", "quillwort")
    assert found["status"] == "1 result", found
    assert urls(found) == ["/posts/quillwort/"]


def test_an_accent_free_query_finds_the_accented_word(driver, search_site):
    found = search(driver, search_site[1], "/es/buscar/", "detencion")
    assert "/posts/detencion/" in urls(found), found
    # The title shows the word the reader typed without accents, marked.
    assert driver.execute_script("return [...document.querySelectorAll('#search-results mark')].map(m => m.textContent)")[:1] == ["detención"]


def test_año_and_ano_are_told_apart(driver, search_site):
    assert urls(search(driver, search_site[1], "/es/buscar/", "año")) == ["/posts/anio/"]
    assert urls(search(driver, search_site[1], "/search/", "ano")) == ["/posts/ano/"]


def test_the_kind_filter_narrows_the_count(driver, search_site):
    everything = search(driver, search_site[1], "/search/", "hotline")
    assert everything["status"] == "2 results", everything
    letters = search(driver, search_site[1], "/search/", "hotline", kind="letter")
    assert letters["status"] == "1 result" and urls(letters) == ["/posts/hotline-letter/"], letters
    # Changing the filter on the page runs the query again.
    driver.execute_script("const s = document.getElementById('search-kind'); s.value = 'report'; s.dispatchEvent(new Event('change'))")
    for _ in range(200):
        if driver.execute_script("return [...document.querySelectorAll('#search-results li a')].map(a => a.getAttribute('href'))") == ["/posts/hotline-report/"]:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the kind filter did not narrow the results to the report")


def test_words_that_name_what_every_script_object_has_are_words(driver, search_site):
    """JSON's objects have a constructor and a toString: a reader's "constructor" is still a word."""
    found = search(driver, search_site[1], "/search/", "constructor tostring")
    assert found["status"] == "Nothing found. Try fewer words, or other ones.", found


def test_a_pasted_paragraph_is_searched_by_its_first_ten_words(driver, search_site):
    """Each word may take two files: a paragraph pasted into the box asks for a bounded number."""
    driver.get(support.address(search_site[1]) + "/search/")
    driver.set_script_timeout(30)
    terms = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        window.broadsideSearch(Array.from({length: 40}, (_, n) => "word" + n + "x").join(" ")).then(r => done(r.terms), e => done(String(e)));
    """)
    assert terms == [f"word{n}x" for n in range(10)], terms


def test_among_equals_a_title_with_the_querys_phrase_comes_first(driver, search_site):
    assert urls(search(driver, search_site[1], "/search/", "family detention")) == ["/posts/phrase/", "/posts/apart/"]
    # Without a phrase to tell them apart, the newest first.
    assert urls(search(driver, search_site[1], "/search/", "harlow detention")) == ["/posts/apart/", "/posts/phrase/"]


def test_the_spanish_page_lists_spanish_posts_first(driver, search_site):
    assert urls(search(driver, search_site[1], "/es/buscar/", "tps")) == ["/posts/tps-es/", "/posts/tps-en/"]
    assert urls(search(driver, search_site[1], "/search/", "tps")) == ["/posts/tps-en/", "/posts/tps-es/"]


def test_a_query_with_markup_and_quotes_is_shown_as_text(driver, search_site):
    query = '<script>window.hacked=true</script><img src=x onerror="window.hacked=true"> "quillwort\''
    found = search(driver, search_site[1], "/search/", query)
    assert urls(found) == ["/posts/quillwort/"], found
    assert driver.execute_script("return document.getElementById('search-q').value") == query
    assert driver.execute_script("return window.hacked === undefined && document.querySelectorAll('#search-results img, #search-results script').length === 0")


def test_no_request_leaves_the_local_host(driver, search_site):
    search(driver, search_site[1], "/es/buscar/", "familias")
    base = support.address(search_site[1])
    asked = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert asked and all(url.startswith(base + "/") for url in asked), asked
    # The index files this query read, and nothing from the page's own folder beyond them.
    assert any("/search-index/manifest.bsi" in url for url in asked), asked


def test_axe_finds_no_violation_on_a_page_of_results(driver, search_site):
    from axe_selenium_python import Axe

    found = search(driver, search_site[1], "/search/", "hotline")
    assert found["results"], found
    Axe(driver).inject()
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa"]}})
          .then(r => done({checked: r.passes.length, violations: r.violations.map(v => [v.id, v.help, v.nodes.slice(0, 5).map(n => n.target.join(" "))])}))
          .catch(e => done({error: String(e)}));
    """)
    assert "error" not in result and result["checked"] > 10 and not result["violations"], result


def test_without_javascript_the_page_says_so_and_links_the_lists(search_site):
    page = (search_site[0] / "search" / "index.html").read_text(encoding="utf-8")
    assert "<noscript><p>Search needs JavaScript, which is off in this browser." in page
    assert '<li><a href="/kinds/">Kinds of post</a></li>' in page or 'href="/kinds/"' in page
    assert '<form class="search-form" role="search" method="get" action="/search/"' in page
