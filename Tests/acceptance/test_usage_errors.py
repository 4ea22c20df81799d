"""A bad --now, SOURCE_DATE_EPOCH or --base-url through the real command line: exit status 2,
exactly one message line and one hint line (a huge value cut, never echoed whole), and the
previous site left exactly as it was."""

from __future__ import annotations

import os
import subprocess

import pytest

import support

GOOD = "---\ntitle: \"Fine\"\ndate: 2026-10-01\n---\nBody.\n"
LONG = "2026-" + "9" * 10_000
NOW_HINT = "  hint: write it as 2026-05-01 or 2026-05-01T09:00:00Z\n"
EPOCH_HINT = ("  hint: set it to a whole number of seconds such as 1767225600 (2026-01-01), "
              "or unset it to use the clock\n")

CASES = {
    "now-nan": (["--now", "nan"], None, "error: --now nan is not a date\n" + NOW_HINT),
    "now-long": (["--now", LONG], None, "error: --now " + LONG[:60] + "… is not a date\n" + NOW_HINT),
    "now-before-1970": (["--now", "1969-12-31"], None,
                        "error: --now 1969-12-31 is not between the years 1970 and 9998\n" + NOW_HINT),
    "epoch-inf": ([], "inf", "error: SOURCE_DATE_EPOCH=inf is not a whole number of seconds since 1970\n" + EPOCH_HINT),
    "epoch-nan": ([], "nan", "error: SOURCE_DATE_EPOCH=nan is not a whole number of seconds since 1970\n" + EPOCH_HINT),
    "epoch-huge": ([], "9223372036854775807",
                   "error: SOURCE_DATE_EPOCH=9223372036854775807 is not between the years 1970 and 9998\n" + EPOCH_HINT),
    "base-url-javascript": (["--base-url", "javascript:alert(1)"], None,
                            "error: --base-url javascript:alert(1) must be an absolute http(s) URL\n"
                            "  hint: pass it with its scheme, for example --base-url https://example.org/\n"),
    "base-url-double-slash": (["--base-url", "https://x.org//evil.com/"], None,
                              "error: --base-url https://x.org//evil.com/ must not have a path that starts with //, "
                              "which browsers read as another site\n"
                              "  hint: use a single / after the host, for example https://example.org/news/\n"),
    "base-url-quote": (["--base-url", "https://x.org/\"><script>alert(1)</script>"], None,
                       "error: --base-url https://x.org/\"><script>alert(1)</script> must not contain spaces, quotes, "
                       "control characters or any of < > \\ ` { } | ^\n"
                       "  hint: write the address as a browser shows it, for example https://example.org/news/\n"),
}


def make_site(root):
    (root / "content" / "posts").mkdir(parents=True)
    (root / "themes").symlink_to(support.REPO / "themes")
    (root / "site.yml").write_text("base_url: \"https://example.org/\"\n", encoding="utf-8")
    (root / "content" / "posts" / "fine.md").write_text(GOOD, encoding="utf-8")


def run(src, out, args, epoch):
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    cmd = [str(support.broadside_bin()), "build", "--source", str(src), "--output", str(out), *args]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=60, env=env,
                          stdin=subprocess.DEVNULL, cwd=str(src))


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_value_is_a_usage_error(tmp_path, case):
    args, epoch, expected = CASES[case]
    src = tmp_path / "src"
    make_site(src)
    out = src / "site"
    support.build_ok(src, out)
    before = support.tree(out)

    # --now wins over SOURCE_DATE_EPOCH, so the epoch cases run without one.
    pinned = "--now" in args or epoch is not None
    proc = run(src, out, args if pinned else [*args, "--now", support.NOW], epoch)

    assert proc.returncode == 2, support.describe(proc)
    assert proc.stdout == "", support.describe(proc)
    assert proc.stderr == expected, support.describe(proc)
    assert "9" * 61 not in proc.stderr, "the long value was echoed beyond the cut"
    assert support.tree(out) == before, "the refused build changed the previous site"


@pytest.mark.parametrize("args", [["biuld"], ["build", "--bogus"], ["build", "--quiet", "--verbose"], ["build", "--now"]])
def test_every_usage_error_exits_with_2_not_the_parsers_64(tmp_path, args):
    proc = subprocess.run([str(support.broadside_bin()), *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=60, stdin=subprocess.DEVNULL, cwd=str(tmp_path))
    assert proc.returncode == 2, support.describe(proc)
    assert proc.stdout == "", support.describe(proc)
    assert proc.stderr.startswith("Error: "), support.describe(proc)
    assert not (tmp_path / "site").exists()


def test_help_lists_the_commands_and_the_exit_statuses():
    proc = subprocess.run([str(support.broadside_bin()), "--help"], capture_output=True, text=True, encoding="utf-8",
                          timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, support.describe(proc)
    commands = proc.stdout.split("SUBCOMMANDS:\n")[1].split("\n\n")[0].splitlines()
    assert commands == [
        "  init                    Start a new site: settings and a first post.",
        "  new                     Start a post of a kind, or a page: new event \"Title\".",
        "  serve                   Preview the site live in your browser as you write.",
        "  check                   Find broken links, missing alt text and translations.",
        "  build                   Build the site into a folder ready to upload.",
        "  newsletter              Print where the newsletter e-mail's files are.",
        "  publish                 Upload site/ to the host in site.yml: what changed.",
        "  theme                   Copy the built-in theme into the site to edit it.",
    ], proc.stdout
    assert ("Exit status: 0 when all went well, 1 when the site has errors (each one is\n"
            "listed with its file and line), 2 when the command itself is wrong.\n") in proc.stdout


def test_quiet_prints_nothing_on_success_and_verbose_prints_each_stage(tmp_path):
    src = tmp_path / "src"
    make_site(src)
    quiet = support.run_build(src, tmp_path / "out", "--quiet")
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == "", support.describe(quiet)
    verbose = support.run_build(src, tmp_path / "out", "--verbose")
    assert verbose.returncode == 0, support.describe(verbose)
    stages = [line.split(":")[0].strip() for line in verbose.stderr.splitlines() if line.startswith("  ")]
    assert stages == ["load", "resolve", "search index", "prepare", "render and write"], support.describe(verbose)
    assert verbose.stdout.startswith("Built "), support.describe(verbose)


@pytest.mark.parametrize("command", [[], ["init"], ["new"], ["serve"], ["check"], ["build"], ["theme", "eject"]])
def test_help_text_is_wrapped_as_paragraphs(command):
    """The discussion is wrapped by the parser, not by hand: hand-broken lines came out ragged."""
    proc = subprocess.run([str(support.broadside_bin()), *command, "--help"], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, support.describe(proc)
    discussion = proc.stdout.split("\n\n", 1)[1].split("USAGE:")[0]
    for paragraph in discussion.strip().split("\n\n"):
        lines = paragraph.splitlines()
        assert all(len(line) <= 80 for line in lines), paragraph
        assert all(len(line) >= 55 for line in lines[:-1]), paragraph
