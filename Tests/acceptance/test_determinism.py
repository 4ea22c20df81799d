"""Two builds of the same source with the same --now give byte-identical trees
(different output folders and working directories, so neither may leak in)."""

import difflib
import os
import shutil

import pytest

import support


def test_two_builds_are_byte_identical(source, tmp_path):
    support.broadside_bin()
    a, b = tmp_path / "one" / "site", tmp_path / "two" / "out"
    for out in (a, b):
        out.parent.mkdir()
        support.build_ok(source, out, cwd=out.parent)
    assert_same_tree(a, b)


def test_time_zone_locale_and_core_count_change_nothing(source, tmp_path):
    """The machine's TZ and locale never reach the output, nor does the number of cores."""
    if not shutil.which("taskset"):
        pytest.fail("taskset (util-linux) is needed to build on one core")
    a, b = tmp_path / "usual" / "site", tmp_path / "odd" / "site"
    a.parent.mkdir()
    b.parent.mkdir()
    support.build_ok(source, a)
    env = dict(os.environ, TZ="Pacific/Kiritimati", LANG="de_DE.UTF-8", LC_ALL="tr_TR.UTF-8")
    proc = support.run_build(source, b, env=env, prefix=("taskset", "-c", "0"))
    assert proc.returncode == 0, support.describe(proc)
    assert_same_tree(a, b)


def assert_same_tree(a, b):
    ta, tb = support.tree(a), support.tree(b)
    assert ta, "the build wrote nothing"
    only_a, only_b = sorted(ta.keys() - tb.keys()), sorted(tb.keys() - ta.keys())
    assert not only_a and not only_b, \
        f"file lists differ\nonly in first build: {only_a[:20]}\nonly in second build: {only_b[:20]}"
    differ = [k for k in ta if ta[k] != tb[k]]
    if differ:
        k = differ[0]
        try:
            diff = "\n".join(list(difflib.unified_diff(
                ta[k].decode().splitlines(), tb[k].decode().splitlines(),
                f"one/{k}", f"two/{k}", lineterm="", n=1))[:40])
        except UnicodeDecodeError:
            diff = "(binary file)"
        raise AssertionError(f"{len(differ)} of {len(ta)} files differ between two builds: "
                             f"{differ[:20]}\nfirst difference:\n{diff}")
