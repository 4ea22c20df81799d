"""The example site's sitemap, robots.txt and 404 pages as search engines and hosts read them."""

from __future__ import annotations

import urllib.parse
import xml.etree.ElementTree as ET

import support
from support import BASE_URL

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def entries(site):
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    return root.findall("s:url", NS)


def test_xmllint_reads_the_sitemap(site):
    proc = support.run([support.tool("xmllint"), "--noout", str(site / "sitemap.xml")], timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_every_url_in_the_sitemap_is_a_page_of_the_output(site):
    locs = [u.find("s:loc", NS).text for u in entries(site)]
    assert len(locs) == len(set(locs)) > 30
    for loc in locs:
        assert loc.startswith(BASE_URL), loc
        path = "/" + urllib.parse.unquote(loc[len(BASE_URL):])
        target = support.url_path_to_file(site, path)
        assert target is not None and target.is_file(), f"{loc} has no page in the output"
        assert 'http-equiv="refresh"' not in target.read_text(encoding="utf-8"), f"{loc} is a redirect"


def test_every_hreflang_pair_is_reciprocal_and_names_itself(site):
    alternates = {}
    for url in entries(site):
        links = {l.get("hreflang"): l.get("href") for l in url.findall("x:link", NS)}
        if links:
            alternates[url.find("s:loc", NS).text] = links
    assert alternates, "the example site has translations"
    for loc, links in alternates.items():
        assert loc in links.values(), f"{loc} does not name itself"
        assert "x-default" in links
        for lang, href in links.items():
            if lang == "x-default":
                continue
            assert alternates.get(href) == links, f"{loc} → {href} ({lang}) is not answered the same way"


def test_robots_names_the_sitemap_and_lets_crawlers_in(site):
    assert (site / "robots.txt").read_text(encoding="utf-8") == f"User-agent: *\nAllow: /\n\nSitemap: {BASE_URL}sitemap.xml\n"


def test_each_language_has_a_404_page_that_search_engines_skip(site):
    for path, categories in ((site / "404.html", "/categories/"), (site / "es" / "404.html", "/es/categories/")):
        html = path.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in html
        assert f'href="{categories}"' in html and 'href="/css/style.css"' in html


def big_site(tmp_path, count):
    source = tmp_path / "src"
    (source / "content" / "posts").mkdir(parents=True)
    (source / "site.yml").write_text(f'title: "Big"\nbase_url: "{BASE_URL}"\n', encoding="utf-8")
    for n in range(count):
        day = f"2025-{1 + n // 200 % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:00Z"
        (source / "content" / "posts" / f"post-{n}.md").write_text(
            f"---\ntitle: Post {n}\ndate: {day}\ncategories: [Category {n % 3}]\n---\n\nWords {n}.\n", encoding="utf-8")
    return source


def test_a_big_sites_sitemap_is_an_index_whose_old_parts_a_new_post_leaves_alone(tmp_path):
    source = big_site(tmp_path, 2_100)
    before, after = tmp_path / "before", tmp_path / "after"
    support.build_ok(source, before)
    root = ET.parse(before / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    parts = [s.find("s:loc", NS).text for s in root.findall("s:sitemap", NS)]
    # Parts of 200 posts from the oldest (sitemap-11.xml holds the newest 100), then the lists.
    assert parts == [f"{BASE_URL}sitemap-{n}.xml" for n in range(1, 12)] + [f"{BASE_URL}sitemap-lists.xml"]
    locs = []
    for part in parts:
        path = before / part[len(BASE_URL):]
        proc = support.run([support.tool("xmllint"), "--noout", str(path)], timeout=60)
        assert proc.returncode == 0, proc.stderr
        urls = ET.parse(path).getroot().findall("s:url", NS)
        assert len(urls) <= 200 or part.endswith("lists.xml")
        locs += [u.find("s:loc", NS).text for u in urls]
    assert len(locs) == len(set(locs)) == 2_100 + 1 + 3 + 1 + 3   # posts, home, categories, a kind, 3 indexes
    for loc in locs:
        target = support.url_path_to_file(before, "/" + urllib.parse.unquote(loc[len(BASE_URL):]))
        assert target is not None and target.is_file(), f"{loc} has no page in the output"

    # One post more, the newest: only the newest part of the sitemap and, of the list pages,
    # only the first ones change (2,101 posts fill no new block of ten).
    (source / "content" / "posts" / "newest.md").write_text("---\ntitle: Newest\ndate: 2026-01-01\ncategories: [Category 0]\n---\n\nNew.\n", encoding="utf-8")
    support.build_ok(source, after)
    old, new = support.tree(before), support.tree(after)
    changed = sorted(p for p in new if old.get(p) != new[p] and not p.startswith((".broadside", "search-index/")))
    # The search index: its recent part, the post's result shard, the categories, the manifest.
    search = sorted(p for p in new if old.get(p) != new[p] and p.startswith("search-index/"))
    assert 0 < len(search) <= 10 and not any(p.startswith("search-index/terms/") for p in search), search
    feeds = [f"{folder}{name}" for folder in ("", "categories/category-0/", "kinds/dispatch/") for name in ("atom.xml", "feed.json", "feed.xml")]
    assert changed == sorted(feeds + [
        "index.html", "categories/category-0/index.html", "kinds/dispatch/index.html",   # first pages
        "categories/index.html", "kinds/index.html",                                    # their counts
        "posts/newest/index.html", "sitemap-11.xml",
        "search/index.html",                                                            # 2026 joins the years
    ]), changed
