"""Images an editor's phone, camera or editing program makes, generated with Pillow and piexif,
each carrying the metadata Broadside must never publish: GPS positions (also inside the EXIF
thumbnail), camera make and model, the time it was taken, XMP, IPTC, comments, PNG text chunks;
and the bad files an editor drops into a post folder by mistake (cut short, misnamed, a
decompression bomb, SVGs that run or load something).

Every photo is stored landscape with four differently coloured quarters, so that what a reader
sees (which way up, which side left) can be read back from the published pixels:

    stored:  red    | blue          EXIF orientation N tells the viewer how to turn the stored
             green  | yellow        pixels; `upright_corners(N)` says which colour ends where.
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import piexif
from PIL import Image, ImageDraw

# ------------------------------------------------------------------ what must never be published

GPS = {
    piexif.GPSIFD.GPSVersionID: (2, 3, 0, 0),
    piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((31, 1), (45, 1), (3012, 100)),
    piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: ((106, 1), (29, 1), (1544, 100)),
}
CAMERA = {piexif.ImageIFD.Make: b"SecretPhoneCo", piexif.ImageIFD.Model: b"Model X9",
          piexif.ImageIFD.Software: b"secret-camera-app 4.2"}
TAKEN = {piexif.ExifIFD.DateTimeOriginal: b"2026:09:13 19:42:10",
         piexif.ExifIFD.BodySerialNumber: b"SN-secret-0042"}
XMP = (b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
       b"xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about='' "
       b"xmlns:dc='http://purl.org/dc/elements/1.1/' "
       b"xmlns:exif='http://ns.adobe.com/exif/1.0/'>"
       b"<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>xmp-secret shelter courtyard</rdf:li></rdf:Alt>"
       b"</dc:description><exif:GPSLatitude>31,45.502N</exif:GPSLatitude>"
       b"<exif:GPSLongitude>106,29.257W</exif:GPSLongitude>"
       b"</rdf:Description></rdf:RDF></x:xmpmeta>")
# Words that must not survive in any published byte.
SECRETS = [b"SecretPhoneCo", b"Model X9", b"secret-camera-app", b"2026:09:13", b"SN-secret", b"shelter courtyard",
           b"xmp-secret", b"iptc-secret", b"png-text-secret", b"gif-comment-secret", b"jpeg-comment-secret",
           b"31,45.502N"]

# ------------------------------------------------------------------ the picture

STORED = (640, 480)  # every photo is stored landscape
COLOURS = {"red": (220, 30, 30), "blue": (30, 60, 220), "green": (30, 170, 60), "yellow": (240, 200, 30)}
# Where each colour sits in the stored pixels.
STORED_CORNERS = {"top-left": "red", "top-right": "blue", "bottom-left": "green", "bottom-right": "yellow"}

# For each EXIF orientation, the stored corner a viewer shows at each displayed corner
# (EXIF 2.32, tag 0x0112; e.g. 6 = "the 0th row is the visual right-hand side, the 0th
# column the visual top": turn 90° clockwise to view).
_SHOWN_FROM = {
    1: ("top-left", "top-right", "bottom-left", "bottom-right"),
    2: ("top-right", "top-left", "bottom-right", "bottom-left"),
    3: ("bottom-right", "bottom-left", "top-right", "top-left"),
    4: ("bottom-left", "bottom-right", "top-left", "top-right"),
    5: ("top-left", "bottom-left", "top-right", "bottom-right"),
    6: ("bottom-left", "top-left", "bottom-right", "top-right"),
    7: ("bottom-right", "top-right", "bottom-left", "top-left"),
    8: ("top-right", "bottom-right", "top-left", "bottom-left"),
}
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


def upright_corners(orientation: int) -> dict[str, str]:
    """The colour a reader must see in each corner of a photo stored with this orientation."""
    return {shown: STORED_CORNERS[stored] for shown, stored in zip(CORNERS, _SHOWN_FROM[orientation])}


def corner_colours(img: Image.Image) -> dict[str, tuple[int, int, int]]:
    """The mean colour of a patch well inside each quarter (an eighth of the side in from the corner)."""
    rgb = img.convert("RGB")
    w, h = rgb.size
    out = {}
    for name in CORNERS:
        cx = w // 8 if name.endswith("left") else w - 1 - w // 8
        cy = h // 8 if name.startswith("top") else h - 1 - h // 8
        r = max(1, min(w, h) // 20)
        patch = rgb.crop((cx - r, cy - r, cx + r + 1, cy + r + 1)).resize((1, 1), Image.Resampling.BOX)
        out[name] = patch.getpixel((0, 0))
    return out


def nearest_colour(rgb: tuple[int, int, int]) -> str:
    return min(COLOURS, key=lambda n: sum((a - b) ** 2 for a, b in zip(COLOURS[n], rgb)))


def scene(size: tuple[int, int] = STORED, step: int = 0) -> Image.Image:
    """Four coloured quarters, a thin dark cross where they meet and a small mark in the red
    quarter (`step` moves it: the frames of the GIF)."""
    w, h = size
    img = Image.new("RGB", size, COLOURS["yellow"])
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, w // 2 - 1, h // 2 - 1], fill=COLOURS["red"])
    d.rectangle([w // 2, 0, w - 1, h // 2 - 1], fill=COLOURS["blue"])
    d.rectangle([0, h // 2, w // 2 - 1, h - 1], fill=COLOURS["green"])
    d.line([(w // 2, 0), (w // 2, h - 1)], fill=(20, 20, 20), width=max(1, w // 160))
    d.line([(0, h // 2), (w - 1, h // 2)], fill=(20, 20, 20), width=max(1, w // 160))
    mark = max(2, w // 40)
    x = w // 4 + step * 2 * mark
    d.rectangle([x, h // 4 - mark, x + mark, h // 4], fill=(255, 255, 255))
    return img


def _exif(orientation: int | None = None, thumbnail: bytes | None = None) -> bytes:
    zeroth = dict(CAMERA)
    if orientation is not None:
        zeroth[piexif.ImageIFD.Orientation] = orientation
    data = {"0th": zeroth, "Exif": dict(TAKEN), "GPS": dict(GPS)}
    if thumbnail is None:
        return piexif.dump(data)
    data["thumbnail"] = thumbnail
    data["1st"] = {piexif.ImageIFD.Compression: 6, piexif.ImageIFD.XResolution: (72, 1),
                   piexif.ImageIFD.YResolution: (72, 1), piexif.ImageIFD.ResolutionUnit: 2}
    # piexif removes the APPn segments of a thumbnail it stores; a camera does not, and the
    # thumbnail's own EXIF (with its GPS position) is what this fixture is for.
    import piexif._dump as dump_module
    keep = dump_module._get_thumbnail
    dump_module._get_thumbnail = lambda jpeg: jpeg
    try:
        return piexif.dump(data)
    finally:
        dump_module._get_thumbnail = keep


def jpeg(orientation: int = 1, size: tuple[int, int] = STORED, quality: int = 90) -> bytes:
    """A phone photo: stored landscape, EXIF orientation, GPS, make, model, time taken."""
    out = io.BytesIO()
    scene(size).save(out, "JPEG", quality=quality, exif=_exif(orientation))
    return out.getvalue()


def phone_photo(orientation: int = 6) -> bytes:
    """A 12-megapixel phone photo (4032 × 3024 stored), with the same metadata as `jpeg`."""
    return jpeg(orientation, size=(4032, 3024), quality=85)


def thumbnail_jpeg() -> bytes:
    """The small JPEG a camera puts in IFD1: it has its own EXIF with the GPS position."""
    small = io.BytesIO()
    scene((160, 120)).save(small, "JPEG", quality=80, exif=piexif.dump({"0th": dict(CAMERA), "GPS": dict(GPS)}))
    return small.getvalue()


def jpeg_with_gps_in_thumbnail() -> bytes:
    out = io.BytesIO()
    scene().save(out, "JPEG", quality=90, exif=_exif(1, thumbnail=thumbnail_jpeg()))
    return out.getvalue()


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_with_xmp_iptc_comment() -> bytes:
    """A photo from an editing program: EXIF, an XMP packet (APP1), IPTC in a Photoshop
    resource block (APP13) and a JPEG comment (COM)."""
    raw = jpeg(1)
    xmp = b"http://ns.adobe.com/xap/1.0/\x00" + XMP
    iptc = b""
    for dataset, value in ((0x78, b"iptc-secret shelter courtyard"), (0x50, b"iptc-secret photographer"),
                           (0x5A, b"iptc-secret city")):  # caption, by-line, city
        iptc += b"\x1c\x02" + bytes([dataset]) + struct.pack(">H", len(value)) + value
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc + (b"\x00" if len(iptc) % 2 else b"")
    extra = (_segment(0xE1, xmp) + _segment(0xED, b"Photoshop 3.0\x00" + resource)
             + _segment(0xFE, b"jpeg-comment-secret taken at the shelter courtyard"))
    # After SOI and the APP1 Exif segment Pillow wrote.
    exif_len = struct.unpack(">H", raw[4:6])[0] if raw[2:4] == b"\xff\xe1" else 0
    at = 4 + exif_len if exif_len else 2
    return raw[:at] + extra + raw[at:]


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_with_text_chunks() -> bytes:
    """A screenshot-like PNG with an eXIf chunk (GPS, camera) and tEXt, iTXt and zTXt chunks."""
    out = io.BytesIO()
    scene().save(out, "PNG")
    raw = out.getvalue()
    exif = _exif(1)[6:]  # eXIf holds the TIFF data, without "Exif\0\0"
    chunks = (png_chunk(b"eXIf", exif)
              + png_chunk(b"tEXt", b"Comment\x00png-text-secret tEXt")
              + png_chunk(b"iTXt", b"Description\x00\x00\x00en\x00Beschreibung\x00png-text-secret shelter courtyard")
              + png_chunk(b"zTXt", b"Author\x00\x00" + zlib.compress(b"png-text-secret zTXt"))
              + png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP))
    idat = raw.index(b"IDAT") - 4  # text before the pixels, as most programs write it
    return raw[:idat] + chunks + raw[idat:]


def webp_with_exif_xmp() -> bytes:
    out = io.BytesIO()
    scene().save(out, "WEBP", quality=90, exif=_exif(1), xmp=XMP)
    return out.getvalue()


def animated_gif_with_comment() -> bytes:
    """Three frames (the white mark moves), looping, 150 ms each, with a comment extension."""
    frames = [scene((320, 240), step).quantize(colors=8) for step in range(3)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=150, loop=0,
                   comment=b"gif-comment-secret shelter courtyard")
    return out.getvalue()


SAFE_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            b'width="120" height="60" viewBox="0 0 120 60">\n'
            b'  <defs><linearGradient id="g"><stop offset="0" stop-color="#c33"/>'
            b'<stop offset="1" stop-color="#33c"/></linearGradient>'
            b'<rect id="r" width="50" height="50"/></defs>\n'
            b'  <rect width="120" height="60" fill="url(#g)"/>\n'
            b'  <use href="#r" x="5" y="5" fill="#fff"/><use xlink:href="#r" x="65" y="5" fill="#000"/>\n'
            b'</svg>\n')

# ------------------------------------------------------------------ bad files


def truncated_jpeg() -> bytes:
    """A phone photo whose upload stopped part-way through the compressed picture."""
    raw = jpeg(6)
    return raw[:len(raw) * 3 // 5]


def truncated_png() -> bytes:
    """A PNG cut in the middle of its pixel data (no IEND)."""
    out = io.BytesIO()
    Image.effect_noise(STORED, 60).convert("RGB").save(out, "PNG")  # noise: a long IDAT
    raw = out.getvalue()
    return raw[:len(raw) // 2]


HTML_PAGE = (b"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Photo</title></head>\n"
             b"<body><p>The image you requested was moved.</p></body></html>\n")
PDF_DOCUMENT = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def png_bomb(side: int = 100_000) -> bytes:
    """A valid PNG signature and IHDR (correct CRC) claiming side × side RGB pixels, and a tiny IDAT."""
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


def noise(n: int = 4096, seed: int = 12) -> bytes:
    """Bytes that are no image: a fixed pseudo-random sequence (not starting with any image signature)."""
    x, out = seed, bytearray()
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append((x >> 16) & 0xFF)
    out[0:4] = b"\x13\x37\x42\x00"
    return bytes(out)


def _svg(body: str, extra_ns: str = "") -> bytes:
    return (f'<svg xmlns="http://www.w3.org/2000/svg"{extra_ns} width="100" height="100">\n'
            f'  <rect width="100" height="100" fill="#369"/>\n  {body}\n</svg>\n').encode()


# Each bad SVG has one fault only, so that the message can name it.
SVG_SCRIPT = _svg('<script type="text/javascript">document.title = document.cookie</script>')
SVG_ONLOAD = (b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="alert(document.domain)">\n'
              b'  <rect width="100" height="100" fill="#369"/>\n</svg>\n')
SVG_FOREIGN_OBJECT = _svg('<foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml">'
                          '<p>Type your password:</p><input type="password"/></div></foreignObject>')
SVG_EXTERNAL_HREF = _svg('<image href="https://tracker.example/pixel.png" width="1" height="1"/>')
SVG_EXTERNAL_XLINK = _svg('<use xlink:href="sprites.svg#icon"/>', ' xmlns:xlink="http://www.w3.org/1999/xlink"')
SVG_EXTERNAL_CSS_URL = _svg('<rect width="10" height="10" style="fill: url(https://tracker.example/p.svg#g)"/>')

# ------------------------------------------------------------------ HEIC, when something here can write one


def heic_maker() -> str | None:
    """'vips' when the libvips command line is installed, 'pillow-heif' when that package is, else None."""
    if shutil.which("vips"):
        return "vips"
    try:
        import pillow_heif  # noqa: F401
    except ImportError:
        return None
    return "pillow-heif"


def heic_with_gps(folder: Path) -> bytes:
    """An iPhone-like HEIC (landscape, EXIF with GPS, make and model), made from `jpeg(1)`."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "heic-source.jpg"
    source.write_bytes(jpeg(1))
    target = folder / "made.heic"
    if heic_maker() == "vips":
        proc = subprocess.run(["vips", "heifsave", str(source), str(target), "--Q", "70"],
                              capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(f"vips heifsave failed: {proc.stderr}")
    else:
        import pillow_heif
        pillow_heif.register_heif_opener()
        Image.open(source).save(target, "HEIF", quality=70, exif=_exif(1))
    data = target.read_bytes()
    source.unlink()
    target.unlink()
    return data
