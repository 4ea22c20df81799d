"""The output folder through the real binary: a folder Broadside did not make is
refused and left byte-identical; a deploy repository in site/ survives builds;
files Broadside did not write stop the build until --clean drops them."""

from __future__ import annotations

import subprocess

import support

POST = "---\ntitle: \"Fine\"\ndate: 2026-10-01\n---\nBody.\n"


def make_site(root):
    (root / "content" / "posts").mkdir(parents=True)
    (root / "themes").symlink_to(support.REPO / "themes")
    (root / "site.yml").write_text("base_url: \"https://example.org/\"\n", encoding="utf-8")
    (root / "content" / "posts" / "fine.md").write_text(POST, encoding="utf-8")
    return root


def error_lines(proc):
    """The `error:` lines of stderr, each with the hint line that follows it."""
    lines = proc.stderr.splitlines()
    return [line + "\n" + (lines[i + 1] if i + 1 < len(lines) else "")
            for i, line in enumerate(lines) if line.startswith("error:")]


def test_a_web_servers_folder_is_refused_and_left_as_it_was(tmp_path):
    src = make_site(tmp_path / "src")
    out = tmp_path / "www"
    (out / "images").mkdir(parents=True)
    (out / "index.html").write_text("<h1>It works!</h1>\n", encoding="utf-8")
    (out / "images" / "logo.png").write_bytes(b"\x89PNG")
    before = support.tree(out)

    for extra in ((), ("--clean",)):
        proc = support.run_build(src, out, *extra)
        assert proc.returncode == 1, support.describe(proc)
        assert proc.stdout == "", support.describe(proc)
        assert error_lines(proc) == [
            f"error: the output folder {out.resolve()} was not made by Broadside (it has no .broadside-manifest), "
            "so a build will not replace it; it holds images/logo.png, index.html\n"
            "  hint: choose another folder with --output, or empty this one first"
        ], support.describe(proc)
        assert support.tree(out) == before, "the refused folder was changed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src", "www"], "the build left files beside the output"


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=60,
                          env={**support.utf8_env(), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}).stdout


def test_a_deploy_repository_in_the_output_survives_two_builds(tmp_path):
    src = make_site(tmp_path / "src")
    out = src / "site"
    support.build_ok(src, out)
    git("init", "-q", "-b", "gh-pages", cwd=out)
    git("add", "-A", cwd=out)
    git("commit", "-q", "-m", "first deploy", cwd=out)
    repository = {k: v for k, v in support.tree(out).items() if k.startswith(".git/")}

    (src / "content" / "posts" / "second.md").write_text(POST.replace("Fine", "Second"), encoding="utf-8")
    support.build_ok(src, out)
    support.build_ok(src, out)

    assert {k: v for k, v in support.tree(out).items() if k.startswith(".git/")} == repository
    assert git("log", "--format=%s", cwd=out) == "first deploy\n"
    assert "?? posts/second/" in git("status", "--porcelain", cwd=out).splitlines()
    assert sorted(p.name for p in src.iterdir() if p.name.startswith(".site")) == []


def test_files_broadside_did_not_write_stop_the_build_until_clean(tmp_path):
    src = make_site(tmp_path / "src")
    out = src / "site"
    support.build_ok(src, out)
    (out / "CNAME").write_text("news.example.org\n", encoding="utf-8")
    before = support.tree(out)

    proc = support.run_build(src, out)
    assert proc.returncode == 1, support.describe(proc)
    assert error_lines(proc) == [
        f"error: the output folder {out.resolve()} holds files that Broadside did not write, which a build would drop: CNAME\n"
        "  hint: move them into static/, so that every build copies them, or pass --clean to drop them"
    ], support.describe(proc)
    assert support.tree(out) == before

    proc = support.build_ok(src, out, "--clean")
    assert f"warning: --clean dropped files from {out.resolve()} that Broadside did not write: CNAME" in proc.stderr.splitlines()
    assert not (out / "CNAME").exists()
