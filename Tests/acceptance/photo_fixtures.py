"""Images an editor's phone, camera or editing program makes, generated with Pillow and piexif,
each carrying the metadata Broadside must never publish: GPS positions (also inside the EXIF
thumbnail), camera make and model, dates, XMP, IPTC, comments, PNG text chunks."""

from __future__ import annotations

import io
import struct
import zlib

import piexif
from PIL import Image, ImageDraw

GPS = {
    piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((31, 1), (45, 1), (30, 1)),
    piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: ((106, 1), (29, 1), (15, 1)),
}
CAMERA = {piexif.ImageIFD.Make: b"SecretPhoneCo", piexif.ImageIFD.Model: b"Model X9"}
TAKEN = {piexif.ExifIFD.DateTimeOriginal: b"2026:09:13 19:42:10"}
# Words that must not survive in any published byte.
SECRETS = [b"SecretPhoneCo", b"Model X9", b"2026:09:13", b"shelter courtyard", b"xmp-secret", b"iptc-secret",
           b"png-text-secret", b"gif-comment-secret", b"jpeg-comment-secret"]

STORED = (96, 64)  # every fixture is stored landscape


def scene() -> Image.Image:
    """A landscape picture whose corners differ: red top-left, blue top-right, green bottom-left."""
    img = Image.new("RGB", STORED, (235, 235, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 31, 21], fill=(220, 20, 20))
    d.rectangle([64, 0, 95, 21], fill=(20, 20, 220))
    d.rectangle([0, 42, 31, 63], fill=(20, 180, 20))
    return img


def jpeg(orientation: int = 1, thumbnail_gps: bool = False) -> bytes:
    zeroth = {**CAMERA, piexif.ImageIFD.Orientation: orientation}
    data = {"0th": zeroth, "Exif": dict(TAKEN), "GPS": dict(GPS)}
    if thumbnail_gps:
        # The thumbnail is a JPEG of its own, with its own GPS position.
        small = io.BytesIO()
        scene().resize((48, 32)).save(small, "JPEG", exif=piexif.dump({"0th": dict(CAMERA), "GPS": dict(GPS)}))
        data["thumbnail"] = small.getvalue()
        data["1st"] = {piexif.ImageIFD.Compression: 6}
    out = io.BytesIO()
    scene().save(out, "JPEG", quality=90, exif=piexif.dump(data))
    return out.getvalue()


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


XMP = (b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
       b"xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
       b"xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:description>xmp-secret shelter courtyard"
       b"</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>")


def jpeg_with_xmp_iptc_comment() -> bytes:
    raw = jpeg(1)
    xmp = b"http://ns.adobe.com/xap/1.0/\x00" + XMP
    caption = b"iptc-secret shelter courtyard"
    iptc = b"\x1c\x02\x78" + struct.pack(">H", len(caption)) + caption
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc + (b"\x00" if len(iptc) % 2 else b"")
    extra = (_segment(0xE1, xmp) + _segment(0xED, b"Photoshop 3.0\x00" + resource)
             + _segment(0xFE, b"jpeg-comment-secret"))
    return raw[:2] + extra + raw[2:]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_with_text_chunks() -> bytes:
    out = io.BytesIO()
    scene().save(out, "PNG")
    raw = out.getvalue()
    exif = piexif.dump({"0th": dict(CAMERA), "GPS": dict(GPS)})[6:]  # eXIf holds the TIFF data, no "Exif\0\0"
    chunks = (_chunk(b"eXIf", exif) + _chunk(b"tEXt", b"Comment\x00png-text-secret")
              + _chunk(b"iTXt", b"Description\x00\x00\x00\x00\x00shelter courtyard")
              + _chunk(b"zTXt", b"Author\x00\x00" + zlib.compress(b"png-text-secret zTXt")))
    end = raw.rindex(b"IEND") - 4
    return raw[:end] + chunks + raw[end:]


def webp_with_exif_xmp() -> bytes:
    out = io.BytesIO()
    scene().save(out, "WEBP", quality=90, exif=piexif.dump({"0th": dict(CAMERA), "GPS": dict(GPS)}), xmp=XMP)
    return out.getvalue()


def animated_gif_with_comment() -> bytes:
    frames = [scene().convert("P", palette=Image.ADAPTIVE, colors=8) for _ in range(3)]
    for index, frame in enumerate(frames):
        ImageDraw.Draw(frame).rectangle([40 + 10 * index, 30, 48 + 10 * index, 38], fill=1)
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=150, loop=0,
                   comment=b"gif-comment-secret shelter courtyard")
    return out.getvalue()


def expected_upright(orientation: int) -> Image.Image:
    """What a reader must see: the stored picture turned as its orientation says."""
    from PIL import ImageOps
    raw = Image.open(io.BytesIO(jpeg(orientation)))
    return ImageOps.exif_transpose(raw).convert("RGB")
