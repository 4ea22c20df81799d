"""feed.xml is well-formed XML according to libxml2's xmllint."""

import support


def test_xmllint_accepts_feed(feed_path):
    proc = support.run(["xmllint", "--noout", feed_path], timeout=60)
    assert proc.returncode == 0 and not proc.stderr.strip(), \
        "xmllint rejected feed.xml\n" + support.describe(proc)
