"""`broadside publish` against real servers on 127.0.0.1: OpenSSH's sshd (internal-sftp)
with its own host key, user key and configuration, and pyftpdlib with TLS. Each server is
the test's own process, on a free high port, stopped by the fixture."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import support

SSHD = "/usr/sbin/sshd"
SUMMARY = re.compile(r"^Uploaded ([\d,]+) files? \(([\d,]+) KB\), deleted (\d+), ([\d,]+) unchanged in [\d.]+ s$")
FOREIGN = {".htaccess": b"Options -Indexes\n", "cgi-bin/x": b"#!/bin/sh\n"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the server exited with {proc.returncode} (its log is beside it in the test's folder)"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"the server did not listen on {port} within {seconds} s", pytrace=False)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def make_site(tmp: Path, source: Path, publish: str) -> Path:
    site = support.copy_source(source, tmp / "src")
    with open(site / "site.yml", "a", encoding="utf-8") as f:
        f.write("\npublish:\n" + publish)
    rebuild(site)
    return site


def rebuild(site: Path) -> None:
    support.build_ok(site, site / "site")


def publish(site: Path, env: dict[str, str], *extra: str) -> subprocess.CompletedProcess:
    return support.run([support.broadside_bin(), "publish", "--source", site, *extra], timeout=120, env=env)


def published(proc: subprocess.CompletedProcess) -> tuple[int, int]:
    """(uploaded, deleted) from the closing line."""
    assert proc.returncode == 0, "publish failed\n" + support.describe(proc)
    match = SUMMARY.match(proc.stdout.strip().splitlines()[-1])
    assert match, "no summary line\n" + support.describe(proc)
    return int(match[1].replace(",", "")), int(match[3])


RECORD = (".broadside-publish.json", ".broadside-publish-changes.json")


def host_record(remote: Path) -> dict[str, dict]:
    """What the host's manifest and its changes say Broadside put there (the changes count when
    they name the manifest's SHA-256, "" for none)."""
    manifest = remote / RECORD[0]
    data = manifest.read_bytes() if manifest.exists() else None
    files = json.loads(data)["files"] if data else {}
    changes = json.loads((remote / RECORD[1]).read_text()) if (remote / RECORD[1]).exists() else None
    if changes and changes["base"] == (hashlib.sha256(data).hexdigest() if data else ""):
        for path in changes["deleted"]:
            files.pop(path, None)
        files.update(changes["files"])
    return files


def assert_same_tree(site: Path, remote: Path) -> None:
    built = {k: v for k, v in support.tree(site / "site").items() if k != ".broadside-manifest"}
    there = {k: v for k, v in support.tree(remote).items() if k not in RECORD and k not in FOREIGN}
    assert sorted(there) == sorted(built), f"only on the host: {sorted(set(there) - set(built))[:5]}, missing: {sorted(set(built) - set(there))[:5]}"
    differing = [k for k in built if built[k] != there[k]]
    assert not differing, f"files that differ on the host: {differing[:5]}"


def put_foreign(remote: Path) -> None:
    for name, data in FOREIGN.items():
        (remote / name).parent.mkdir(parents=True, exist_ok=True)
        (remote / name).write_bytes(data)


def assert_foreign_kept(remote: Path) -> None:
    for name, data in FOREIGN.items():
        assert (remote / name).read_bytes() == data, f"{name}, not Broadside's, was touched"


def new_post(site: Path) -> Path:
    post = site / "content/posts/zz-publish-test-post.md"
    post.write_text("---\ntitle: A post to publish\ndate: 2026-04-30\n---\n\nNew words.\n", encoding="utf-8")
    return post


def changed_files(before: dict[str, bytes], after: dict[str, bytes]) -> int:
    return sum(1 for k, v in after.items() if k != ".broadside-manifest" and before.get(k) != v)


def scenario(site: Path, remote: Path, env: dict[str, str]) -> None:
    """First publish, nothing changed, a new post, the post deleted; foreign files survive."""
    put_foreign(remote)
    uploaded, deleted = published(publish(site, env))
    assert uploaded > 0 and deleted == 0
    assert_same_tree(site, remote)
    assert published(publish(site, env)) == (0, 0), "a second publish with nothing changed uploaded or deleted"

    before = support.tree(site / "site")
    manifest = (remote / RECORD[0]).read_bytes()
    post = new_post(site)
    rebuild(site)
    after = support.tree(site / "site")
    uploaded, deleted = published(publish(site, env))
    assert uploaded == changed_files(before, after), "uploaded more than the files whose bytes changed"
    assert deleted == 0
    assert_same_tree(site, remote)
    # The record sent is the changes alone: the manifest of every file stays as it was.
    assert (remote / RECORD[0]).read_bytes() == manifest, "a new post's publish rewrote the whole manifest"
    changes = json.loads((remote / RECORD[1]).read_text())
    assert sorted(changes["files"]) == sorted(k for k, v in after.items() if k != ".broadside-manifest" and before.get(k) != v)
    assert changes["deleted"] == [] and changes["base"] == hashlib.sha256(manifest).hexdigest()

    post.unlink()
    rebuild(site)
    uploaded, deleted = published(publish(site, env))
    assert deleted > 0, "the deleted post's files stayed on the host"
    assert_same_tree(site, remote)
    assert_foreign_kept(remote)


# --- SFTP -------------------------------------------------------------------------------


@pytest.fixture
def sftp(tmp_path, source):
    if not os.access(SSHD, os.X_OK):
        pytest.fail("sshd is not installed; `make test-deps` installs openssh-server", pytrace=False)
    keys = tmp_path / "keys"
    keys.mkdir()
    for name in ("host", "user", "stranger"):
        support.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keys / name], timeout=30).check_returncode()
    shutil.copy(keys / "user.pub", keys / "authorized_keys")
    port = free_port()
    config = keys / "sshd_config"
    config.write_text("\n".join([
        f"Port {port}", "ListenAddress 127.0.0.1", f"HostKey {keys / 'host'}", f"PidFile {keys / 'sshd.pid'}",
        f"AuthorizedKeysFile {keys / 'authorized_keys'}", "PasswordAuthentication no",
        "KbdInteractiveAuthentication no", "PubkeyAuthentication yes", "PermitRootLogin yes",
        "StrictModes no", "UsePAM no", "Subsystem sftp internal-sftp", "",
    ]))
    # sshd insists on its privilege separation folder, even with its own configuration.
    Path("/run/sshd").mkdir(exist_ok=True)
    log = open(keys / "sshd.log", "w")
    proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=log, text=True)
    try:
        wait_for_port(port, proc)
        remote = tmp_path / "remote"
        remote.mkdir()
        user = os.environ.get("USER") or subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
        site = make_site(tmp_path, source, f"  protocol: sftp\n  host: 127.0.0.1\n  port: {port}\n  user: {user}\n  folder: {remote}\n")
        home = tmp_path / "home"
        home.mkdir()
        known = tmp_path / "known_hosts"
        host_key = (keys / "host.pub").read_text().split()
        known.write_text(f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}\n")
        env = support.utf8_env()
        env.pop("SSH_AUTH_SOCK", None)
        env.pop("BROADSIDE_PUBLISH_PASSWORD", None)
        env.update(HOME=str(home), BROADSIDE_PUBLISH_KEY=str(keys / "user"), BROADSIDE_KNOWN_HOSTS=str(known))
        yield site, remote, env, keys
    finally:
        stop(proc)
        log.close()


def test_sftp_publishes_only_what_changed(sftp):
    site, remote, env, _ = sftp
    scenario(site, remote, env)


def test_sftp_refuses_an_unknown_host_key(sftp, tmp_path):
    site, remote, env, _ = sftp
    empty = tmp_path / "empty_known_hosts"
    empty.write_text("")
    proc = publish(site, {**env, "BROADSIDE_KNOWN_HOSTS": str(empty)})
    assert proc.returncode == 1, support.describe(proc)
    assert "ssh-keyscan -p" in proc.stderr and "127.0.0.1" in proc.stderr, support.describe(proc)
    assert not any(remote.iterdir()), "files were written to a host whose key was not checked"


def test_sftp_refused_login_is_one_clear_error(sftp):
    site, remote, env, keys = sftp
    proc = publish(site, {**env, "BROADSIDE_PUBLISH_KEY": str(keys / "stranger")})
    assert proc.returncode == 1, support.describe(proc)
    assert "refused the login" in proc.stderr, support.describe(proc)


def test_dry_run_changes_nothing(sftp):
    site, remote, env, _ = sftp
    proc = support.run([support.broadside_bin(), "publish", "--source", site, "--dry-run"], timeout=60, env=env)
    assert proc.returncode == 0, support.describe(proc)
    assert "upload index.html" in proc.stdout and "dry run" in proc.stdout, support.describe(proc)
    assert not any(remote.iterdir())


# --- FTPS and FTP (pyftpdlib) -----------------------------------------------------------

PASSWORD = "correct horse"


def pinned_key(cert: Path) -> str:
    """`sha256//BASE64` of the certificate's public key, as docs/publish.md says to get it."""
    pem = support.run(["openssl", "x509", "-in", cert, "-pubkey", "-noout"], timeout=30).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=pem.encode(), capture_output=True, timeout=30).stdout
    return "sha256//" + base64.b64encode(hashlib.sha256(der).digest()).decode()


def ftp_server(tmp_path: Path, source: Path, tls: bool, perm: str | None = None):
    remote = tmp_path / "ftp-home" / "www"
    remote.mkdir(parents=True)
    port = free_port()
    cert = tmp_path / "cert.pem"
    extra = []
    if tls:
        support.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                     "-keyout", cert, "-out", cert], timeout=60).check_returncode()
        extra = [str(cert)]
    script = Path(__file__).with_name("ftp_server.py")
    # The log to a file: a pipe nobody reads fills up and stops the server mid-publish.
    log = open(tmp_path / "ftp.log", "w")
    server_env = {**os.environ, **({"FTP_PERM": perm} if perm else {})}
    proc = subprocess.Popen([sys.executable, str(script), str(port), str(remote.parent), PASSWORD, *extra],
                            stdout=subprocess.DEVNULL, stderr=log, text=True, env=server_env)
    try:
        wait_for_port(port, proc)
        settings = f"  protocol: {'ftps' if tls else 'ftp'}\n  host: 127.0.0.1\n  port: {port}\n  user: editor\n  folder: www\n"
        if tls:
            settings += f"  pinned_public_key: \"{pinned_key(cert)}\"\n"
        site = make_site(tmp_path, source, settings)
        home = tmp_path / "home"
        home.mkdir()
        env = support.utf8_env()
        env.update(HOME=str(home), BROADSIDE_PUBLISH_PASSWORD=PASSWORD)
        yield site, remote, env
    finally:
        stop(proc)
        log.close()


@pytest.fixture
def ftps(tmp_path, source):
    yield from ftp_server(tmp_path, source, tls=True)


@pytest.fixture
def ftp(tmp_path, source):
    yield from ftp_server(tmp_path, source, tls=False)


def test_ftps_publishes_only_what_changed(ftps):
    site, remote, env = ftps
    scenario(site, remote, env)


def test_ftps_wrong_password_is_one_clear_error(ftps):
    site, remote, env = ftps
    proc = publish(site, {**env, "BROADSIDE_PUBLISH_PASSWORD": "wrong"})
    assert proc.returncode == 1, support.describe(proc)
    assert "refused the login" in proc.stderr and "BROADSIDE_PUBLISH_PASSWORD" in proc.stderr, support.describe(proc)
    assert not any(remote.iterdir())


def test_ftps_refuses_a_certificate_not_pinned(ftps):
    site, remote, env = ftps
    text = (site / "site.yml").read_text()
    (site / "site.yml").write_text(re.sub(r"  pinned_public_key: .*\n", "", text))
    proc = publish(site, env)
    assert proc.returncode == 1, support.describe(proc)
    assert "certificate" in proc.stderr and "pinned_public_key" in proc.stderr, support.describe(proc)
    assert not any(remote.iterdir())


def test_plain_ftp_needs_insecure_ftp(ftp):
    site, remote, env = ftp
    proc = publish(site, env)
    assert proc.returncode == 1, support.describe(proc)
    assert "in clear" in proc.stderr and "--insecure-ftp" in proc.stderr, support.describe(proc)
    assert not any(remote.iterdir())
    uploaded, _ = published(publish(site, env, "--insecure-ftp"))
    assert uploaded > 0
    assert_same_tree(site, remote)


def test_sftp_killed_publish_resumes_without_sending_again(sftp):
    """kill -9 once the first checkpoint is written; the next run sends only the rest."""
    site, remote, env, _ = sftp
    total = len(support.tree(site / "site")) - 1  # not .broadside-manifest
    checkpoint = site / ".broadside-cache" / "publish-127.0.0.1.changes.json"
    proc = subprocess.Popen([str(support.broadside_bin()), "publish", "--source", str(site)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not checkpoint.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        proc.kill()
    finally:
        proc.wait(timeout=10)
    if proc.returncode == 0:
        pytest.skip("the publish finished before it could be killed")
    done = len(host_record(remote))
    assert 0 < done < total
    uploaded, deleted = published(publish(site, env))
    assert uploaded <= total - done, f"{done} files were up before the kill, yet {uploaded} of {total} were sent again"
    assert_same_tree(site, remote)


def upload_by_hand(site: Path, remote: Path) -> None:
    """The site as an editor's FTP client left it: every built file, no manifest."""
    for path, data in support.tree(site / "site").items():
        if path == ".broadside-manifest":
            continue
        (remote / path).parent.mkdir(parents=True, exist_ok=True)
        (remote / path).write_bytes(data)


def test_changes_that_name_another_manifest_are_left_unread(sftp):
    """Changes older than the manifest (a publish stopped between the two) do not count; the
    local copy of the manifest is used only when the changes name its bytes."""
    site, remote, env, _ = sftp
    assert published(publish(site, env))[0] > 0
    stale = {"version": 1, "base": "0" * 64, "files": {"index.html": {"size": 1, "sha256": "0" * 64}}, "deleted": ["feed.xml"]}
    (remote / RECORD[1]).write_text(json.dumps(stale))
    assert published(publish(site, env)) == (0, 0)
    # A local copy that is not the manifest the changes name is not read in its place.
    manifest = (remote / RECORD[0]).read_bytes()
    (remote / RECORD[1]).write_text(json.dumps({"version": 1, "base": hashlib.sha256(manifest).hexdigest(), "files": {}, "deleted": []}))
    (site / ".broadside-cache" / "publish-127.0.0.1.json").write_text('{"version": 1, "files": {}}')
    assert published(publish(site, env)) == (0, 0)
    assert_same_tree(site, remote)


def test_sftp_adopt_takes_over_a_site_uploaded_by_hand(sftp):
    """--adopt downloads and compares: only the file that differs is sent, nothing is deleted."""
    site, remote, env, _ = sftp
    upload_by_hand(site, remote)
    put_foreign(remote)
    (remote / "index.html").write_text("an older home page", encoding="utf-8")
    stale = remote / "posts" / "removed-long-ago" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("a page the build no longer has", encoding="utf-8")

    dry = publish(site, env, "--adopt", "--dry-run")
    assert dry.returncode == 0, support.describe(dry)
    assert dry.stdout.splitlines()[0] == "upload index.html", support.describe(dry)
    assert "Would upload 1 file" in dry.stdout, support.describe(dry)
    assert not any((remote / name).exists() for name in RECORD), "a dry run wrote the record"

    assert published(publish(site, env, "--adopt")) == (1, 0)
    assert_same_tree_but(site, remote, {"posts/removed-long-ago/index.html"})
    assert_foreign_kept(remote)
    # Not Broadside's: never deleted, whatever later builds hold.
    assert stale.read_text(encoding="utf-8") == "a page the build no longer has"
    assert published(publish(site, env)) == (0, 0)


def assert_same_tree_but(site: Path, remote: Path, extra: set[str]) -> None:
    built = {k: v for k, v in support.tree(site / "site").items() if k != ".broadside-manifest"}
    there = {k: v for k, v in support.tree(remote).items()
             if k not in RECORD and k not in FOREIGN and k not in extra}
    assert sorted(there) == sorted(built)
    assert not [k for k in built if built[k] != there[k]]


def test_ftps_adopt_uploads_nothing_when_the_host_has_the_site(ftps):
    site, remote, env = ftps
    upload_by_hand(site, remote)
    # A folder the hand upload missed: its files are sent, and only they.
    missing = remote / "categories"
    count = sum(1 for p in missing.rglob("*") if p.is_file())
    shutil.rmtree(missing)
    assert published(publish(site, env, "--adopt")) == (count, 0)
    assert published(publish(site, env)) == (0, 0)
    assert_same_tree(site, remote)
    assert len(host_record(remote)) == len(support.tree(site / "site")) - 1


@pytest.fixture
def ftps_no_delete(tmp_path, source):
    yield from ftp_server(tmp_path, source, tls=True, perm="elrawfmMT")


def test_a_file_the_host_refuses_to_delete_is_named_and_kept_in_the_record(ftps_no_delete):
    site, remote, env = ftps_no_delete
    assert published(publish(site, env))[0] > 0
    post = new_post(site)
    rebuild(site)
    assert published(publish(site, env))[1] == 0
    post.unlink()
    rebuild(site)
    proc = publish(site, env)
    assert proc.returncode == 0, support.describe(proc)
    assert "deleted 0," in proc.stdout, support.describe(proc)
    assert "warning: the host refused to delete 1 file the new build no longer has: posts/zz-publish-test-post/index.html" in proc.stderr, support.describe(proc)
    assert (remote / "posts" / "zz-publish-test-post" / "index.html").exists()
    record = host_record(remote)
    assert "posts/zz-publish-test-post/index.html" in record, "a file still on the host left the record"


@pytest.fixture
def ftps_read_only(tmp_path, source):
    yield from ftp_server(tmp_path, source, tls=True, perm="elr")


def test_a_folder_the_user_may_not_write_is_one_clear_error(ftps_read_only):
    site, remote, env = ftps_read_only
    (remote / "index.html").write_text("the live home page", encoding="utf-8")
    proc = publish(site, env)
    assert proc.returncode == 1, support.describe(proc)
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert errors == ["error: site.yml: 127.0.0.1 refused to write in www: Access denied to remote resource. The site on the host is whole: every file there is complete."], support.describe(proc)
    assert "may write there" in proc.stderr
    assert (remote / "index.html").read_text(encoding="utf-8") == "the live home page"


def test_a_post_saved_after_the_build_is_named_before_publishing(sftp):
    site, remote, env, _ = sftp
    new_post(site)
    earlier = time.time() - 10
    os.utime(site / "site" / ".broadside-manifest", (earlier, earlier))
    proc = publish(site, env)
    assert proc.returncode == 0, support.describe(proc)
    assert "warning: content/posts/zz-publish-test-post.md: changed after the last build: the host gets the site as that build made it, without this change" in proc.stderr, support.describe(proc)
    assert not (remote / "posts" / "zz-publish-test-post").exists()
    rebuild(site)
    proc = publish(site, env)
    assert "changed after the last build" not in proc.stderr, support.describe(proc)
