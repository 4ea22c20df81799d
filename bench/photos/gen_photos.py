#!/usr/bin/env python3
"""Generate the photo benchmark site: 100 posts, each a post folder with a 12-megapixel phone photo.

    gen_photos.py --out DIR [--no-photos] [--posts 100] [--seed 42] [--jobs N]

DIR gets:
  site.yml                              title and base_url
  content/posts/photo-NNN/index.md      front matter (title, date, summary, categories, tags,
                                        image: photo.jpg, image_alt), a few paragraphs, and the
                                        same photo once more as a Markdown image in the text
  content/posts/photo-NNN/photo.jpg     4000 x 3000 JPEG at quality 90 (3-5 MB), EXIF with a
                                        camera, a date, a GPS position and an orientation:
                                        every third photo is a portrait one, stored sideways
                                        with orientation 6 as phones do, the others orientation 1

--no-photos writes the same posts, word for word, without the photos: no photo.jpg, and the
`image:` and `image_alt:` lines and the Markdown image removed. It is the baseline for "a warm
build of the photo site takes at most 1 s more than the same site without photos".

The output depends only on --seed, --posts and the size options (not on --jobs); the JPEG bytes
also on the libjpeg that Pillow carries. Needs Python 3.8+ and Pillow; numpy (much faster) and
piexif are used when present (without piexif, Pillow writes the EXIF itself).
"""
import argparse
import datetime as dt
import os
import random
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor

try:
    from PIL import Image, ImageDraw, ImageFilter
except ImportError:  # pragma: no cover - depends on the machine
    sys.exit(
        "gen_photos.py needs Pillow (and, better, piexif and numpy). Install them with\n"
        "    .build/venv/bin/pip install Pillow piexif numpy      (the acceptance venv, from the project root)\n"
        "or  python3 -m pip install Pillow piexif numpy\n"
        "or  apt-get install -y python3-pil python3-numpy          (Debian; piexif is optional)\n"
        "and run it with that Python (run.sh takes $PYTHON, else .build/venv/bin/python, else python3).")
try:
    import numpy as np
except ImportError:  # pragma: no cover
    np = None
try:
    import piexif
except ImportError:  # pragma: no cover
    piexif = None

GENERATOR_VERSION = 1

# --- words ---------------------------------------------------------------------------------------

PLACES = ["harbour", "market square", "river path", "old mill", "ridge trail", "station hall",
          "community garden", "bridge", "library steps", "seafront", "orchard", "allotments",
          "bus depot", "cathedral close", "canal lock", "hill fort", "boatyard", "tram stop",
          "playing fields", "coastal path", "quarry lake", "fish market", "botanical glasshouse",
          "viaduct", "lighthouse"]
TIMES = ["at dawn", "at dusk", "in the rain", "after the storm", "at noon", "in fog",
         "on a Sunday", "at first light", "in late sun", "before the crowds"]
SUBJECTS = ["volunteers setting up a stall", "a row of bicycles", "gulls over the water",
            "a mural half finished", "children at a chalk board", "a queue for the ferry",
            "lanterns on a rope", "a delivery van", "two dogs and their walker",
            "stacked crates of apples", "a brass band warming up", "a flooded path",
            "an empty bench", "a line of umbrellas", "scaffolding on the tower"]
WORDS = ("the of and a to in we it was our on for with as by at from that this is were light "
         "walk morning street people camera frame colour shadow sky water stone wall window "
         "corner street crowd quiet slow bright grey warm cold wind path road hill field tree "
         "leaves roof bridge boat dock rope paint brick glass sign market stall neighbour "
         "evening afternoon weather cloud sun rain mist long short wide narrow old new small "
         "large near far behind across along under over between busy empty full open closed "
         "waiting walking talking carrying watching holding looking turning passing").split()
CATEGORIES = ["Photo walks", "Neighbourhood", "Events", "Weather"]
TAGS = ["film look", "street", "portrait", "landscape", "night", "people", "water",
        "architecture", "festival", "autumn", "spring", "winter", "summer", "phone"]

# Places to put the photos (latitude, longitude): small offsets are added per photo.
CITIES = [(51.4545, -2.5879), (53.4084, -2.9916), (55.9533, -3.1883), (40.4168, -3.7038),
          (41.3874, 2.1686), (48.8566, 2.3522), (-33.8688, 151.2093), (-34.6037, -58.3816),
          (19.4326, -99.1332), (35.6762, 139.6503)]


def sentence(rng):
    n = rng.randint(8, 18)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randint(1, n - 1), "*" + rng.choice(WORDS) + "*")
    return " ".join(words) + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def post_text(i, seed, with_photo):
    """The index.md of post i (1-based); the same words with and without the photo."""
    rng = random.Random(f"{seed}-post-{i}")
    place, time_, subject = rng.choice(PLACES), rng.choice(TIMES), rng.choice(SUBJECTS)
    title = f"Photo walk {i:03d}: the {place} {time_}"
    alt = f"The {place} {time_}, with {subject} in the foreground."
    when = dt.datetime(2026, 1, 1, 7, 0, tzinfo=dt.timezone.utc) + dt.timedelta(
        days=3 * (i - 1), minutes=rng.randint(0, 12 * 60))
    summary = f"A walk to the {place} {time_}: {subject}, and what else we saw on the way."
    cats = [rng.choice(CATEGORIES)]
    tags = sorted(rng.sample(TAGS, 3))
    fm = ["---",
          f'title: "{title}"',
          f"date: {when.strftime('%Y-%m-%dT%H:%M:%SZ')}",
          f'summary: "{summary}"',
          "categories:"] + [f'  - "{c}"' for c in cats] + ["tags:"] + [f'  - "{t}"' for t in tags]
    if with_photo:
        fm += ["image: photo.jpg", f'image_alt: "{alt}"']
    fm += ["---", ""]
    paras = [paragraph(rng) for _ in range(rng.randint(4, 7))]
    body = paras[:2]
    if with_photo:
        body.append(f"![{subject.capitalize()} at the {place}.](photo.jpg)")
    body += ["## On the way back"] + paras[2:]
    return "\n".join(fm) + "\n\n".join(body) + "\n"


# --- pixels --------------------------------------------------------------------------------------

def scene_numpy(w, h, rng_seed):
    """An RGB Image w x h: a sky gradient, a wavy horizon, textured ground, a few dark blocks with
    hard edges, and grain. Built at a quarter of the size, scaled up, then grain added at full size."""
    rng = np.random.default_rng(rng_seed)
    sw, sh = w // 4, h // 4
    y = np.linspace(0.0, 1.0, sh, dtype=np.float32)[:, None]
    x = np.linspace(0.0, 1.0, sw, dtype=np.float32)[None, :]
    sky_top = rng.uniform([20, 60, 120], [90, 140, 230]).astype(np.float32)
    sky_low = rng.uniform([150, 160, 170], [250, 230, 240]).astype(np.float32)
    ground = rng.uniform([40, 50, 30], [140, 130, 110]).astype(np.float32)

    def octave(cells_x, amp):  # smooth value noise, one channel, sw x sh
        small = rng.normal(0.0, amp, (max(2, cells_x * sh // sw), cells_x)).astype(np.float32)
        return np.asarray(Image.fromarray(small).resize((sw, sh), Image.BICUBIC))

    phase, freq = rng.uniform(0, 6.28), rng.uniform(2, 7)
    horizon = rng.uniform(0.45, 0.65) + 0.04 * np.sin(phase + freq * 6.28 * x) + octave(8, 0.02)[0:1, :]
    t = np.clip(y / horizon, 0.0, 1.0)[..., None]
    sky = sky_top * (1 - t) + sky_low * t + octave(6, 10.0)[..., None]
    lum = octave(12, 22.0) + octave(48, 14.0) + octave(200, 9.0)
    shade = (0.6 + 0.4 * (1 - y))[..., None]
    land = ground * shade + lum[..., None] + np.stack([octave(20, 6.0) for _ in range(3)], axis=-1)
    img = np.where((y > horizon)[..., None], land, sky)
    for _ in range(rng.integers(3, 9)):  # buildings, trees, people: hard edges
        bw, bh = rng.integers(sw // 40, sw // 8), rng.integers(sh // 10, sh // 2)
        bx = rng.integers(0, sw - bw)
        base = min(sh, int(horizon[0, bx:bx + bw].max() * sh) + int(rng.integers(2, sh // 6)))
        top = max(0, base - bh)
        colour = rng.uniform(10, 90, 3).astype(np.float32)
        img[top:base, bx:bx + bw] = colour + octave(60, 8.0)[top:base, bx:bx + bw, None]
        for _ in range(rng.integers(0, 12)):  # lit windows
            wx, wy = rng.integers(bx, bx + bw), rng.integers(top, base)
            img[wy:wy + 6, wx:wx + 4] = rng.uniform(180, 250, 3)
    small = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    big = np.asarray(small.resize((w, h), Image.BICUBIC)).astype(np.int16)
    grain = rng.integers(-7, 8, (h, w), dtype=np.int16) + rng.integers(-7, 8, (h, w), dtype=np.int16)
    big += grain[..., None]
    big += rng.integers(-3, 4, (h, w, 3), dtype=np.int16)
    np.clip(big, 0, 255, out=big)
    return Image.fromarray(big.astype(np.uint8))


def scene_pillow(w, h, rng_seed):
    """The same kind of scene with Pillow alone (plainer). The noise comes from random.Random's
    bytes, not from Image.effect_noise, which cannot be seeded."""
    rng = random.Random("-".join(map(str, rng_seed)))

    def noise(size):  # uniform grey noise, seeded
        return Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))

    sw, sh = w // 4, h // 4
    grad = Image.linear_gradient("L").resize((sw, sh))
    top = tuple(rng.randint(20, 120) for _ in range(3))
    low = tuple(rng.randint(150, 250) for _ in range(3))
    sky = Image.merge("RGB", [grad.point(lambda v, a=a, b=b: a + (b - a) * v // 255)
                              for a, b in zip(top, low)])
    ground = Image.new("RGB", (sw, sh), tuple(rng.randint(40, 140) for _ in range(3)))
    tex = noise((sw // 16, sh // 16)).resize((sw, sh), Image.BICUBIC)
    fine = noise((sw // 4, sh // 4)).resize((sw, sh), Image.BICUBIC)
    ground = Image.blend(ground, Image.merge("RGB", [Image.blend(tex, fine, 0.3)] * 3), 0.35)
    mask = Image.new("L", (sw, sh), 0)
    d = ImageDraw.Draw(mask)
    hy = int(rng.uniform(0.45, 0.65) * sh)
    pts = [(x, hy + rng.randint(-sh // 30, sh // 30)) for x in range(0, sw + 50, 50)]
    d.polygon(pts + [(sw, sh), (0, sh)], fill=255)
    img = Image.composite(ground, sky, mask)
    d = ImageDraw.Draw(img)
    for _ in range(rng.randint(3, 8)):
        bw, bh = rng.randint(sw // 40, sw // 8), rng.randint(sh // 10, sh // 2)
        bx, base = rng.randint(0, sw - bw), int(rng.uniform(0.5, 0.8) * sh)
        d.rectangle([bx, base - bh, bx + bw, base], fill=tuple(rng.randint(10, 90) for _ in range(3)))
    big = img.resize((w, h), Image.BICUBIC)
    grain = noise((w, h))
    return Image.blend(big, Image.merge("RGB", [grain] * 3), 0.07)


# --- EXIF ----------------------------------------------------------------------------------------

def dms(value):
    value = abs(value)
    d = int(value)
    m = int((value - d) * 60)
    s = round(((value - d) * 60 - m) * 60 * 100)
    return ((d, 1), (m, 1), (s, 100))


def exif_bytes(i, seed, orientation, w, h):
    rng = random.Random(f"{seed}-exif-{i}")
    lat, lon = rng.choice(CITIES)
    lat += rng.uniform(-0.05, 0.05)
    lon += rng.uniform(-0.05, 0.05)
    taken = (dt.datetime(2026, 1, 1, 7, 0) + dt.timedelta(days=3 * (i - 1), seconds=rng.randint(0, 43200)))
    stamp = taken.strftime("%Y:%m:%d %H:%M:%S").encode()
    make, model = b"Broadside Bench", b"Phone 12MP"
    exposure = (1, rng.choice([60, 120, 250, 500, 1000]))
    iso = rng.choice([50, 100, 200, 400, 800])
    if piexif is not None:
        d = {
            "0th": {piexif.ImageIFD.Make: make, piexif.ImageIFD.Model: model,
                    piexif.ImageIFD.Orientation: orientation, piexif.ImageIFD.DateTime: stamp,
                    piexif.ImageIFD.Software: b"gen_photos.py",
                    piexif.ImageIFD.XResolution: (72, 1), piexif.ImageIFD.YResolution: (72, 1),
                    piexif.ImageIFD.ResolutionUnit: 2},
            "Exif": {piexif.ExifIFD.DateTimeOriginal: stamp, piexif.ExifIFD.DateTimeDigitized: stamp,
                     piexif.ExifIFD.ExposureTime: exposure, piexif.ExifIFD.FNumber: (18, 10),
                     piexif.ExifIFD.ISOSpeedRatings: iso, piexif.ExifIFD.FocalLength: (426, 100),
                     piexif.ExifIFD.PixelXDimension: w, piexif.ExifIFD.PixelYDimension: h,
                     piexif.ExifIFD.LensModel: b"Main camera 4.26mm f/1.8"},
            "GPS": {piexif.GPSIFD.GPSVersionID: (2, 3, 0, 0),
                    piexif.GPSIFD.GPSLatitudeRef: b"N" if lat >= 0 else b"S",
                    piexif.GPSIFD.GPSLatitude: dms(lat),
                    piexif.GPSIFD.GPSLongitudeRef: b"E" if lon >= 0 else b"W",
                    piexif.GPSIFD.GPSLongitude: dms(lon),
                    piexif.GPSIFD.GPSAltitudeRef: 0,
                    piexif.GPSIFD.GPSAltitude: (rng.randint(0, 30000), 100),
                    piexif.GPSIFD.GPSDateStamp: taken.strftime("%Y:%m:%d").encode()},
        }
        return piexif.dump(d)
    # Pillow alone (9.2+ writes nested IFDs taken with get_ifd).
    from PIL.TiffImagePlugin import IFDRational as R
    ex = Image.Exif()
    ex[0x010F], ex[0x0110], ex[0x0112], ex[0x0132] = make.decode(), model.decode(), orientation, stamp.decode()
    ex[0x0131] = "gen_photos.py"
    sub = ex.get_ifd(0x8769)
    sub[0x9003] = sub[0x9004] = stamp.decode()
    sub[0x829A], sub[0x829D], sub[0x8827] = R(*exposure), R(18, 10), iso
    sub[0xA002], sub[0xA003] = w, h
    gps = ex.get_ifd(0x8825)
    gps[0] = b"\x02\x03\x00\x00"
    gps[1], gps[3] = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
    gps[2] = tuple(R(a, b) for a, b in dms(lat))
    gps[4] = tuple(R(a, b) for a, b in dms(lon))
    gps[5], gps[6] = 0, R(rng.randint(0, 30000), 100)
    return ex.tobytes()


# --- one photo, the whole site -------------------------------------------------------------------

def orientation_of(i):
    return 6 if i % 3 == 0 else 1


def make_photo(job):
    i, seed, w, h, quality, path = job
    orientation = orientation_of(i)
    # A portrait photo is taken as a w x h sensor image held upright: the scene is h wide and
    # w high, stored turned 90 degrees anticlockwise (orientation 6: turn clockwise to show).
    sw, sh = (w, h) if orientation == 1 else (h, w)
    scene = (scene_numpy if np is not None else scene_pillow)(sw, sh, [seed, i])
    if orientation == 6:
        scene = scene.transpose(Image.Transpose.ROTATE_90 if hasattr(Image, "Transpose") else Image.ROTATE_90)
    tmp = path + ".tmp"
    scene.save(tmp, "JPEG", quality=quality, subsampling="4:2:0",
               exif=exif_bytes(i, seed, orientation, w, h))
    os.replace(tmp, path)
    return os.path.getsize(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="the site folder to write (replaced)")
    ap.add_argument("--posts", type=int, default=100)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--width", type=int, default=4000)
    ap.add_argument("--height", type=int, default=3000)
    ap.add_argument("--quality", type=int, default=90)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="photos made at once")
    ap.add_argument("--no-photos", action="store_true", help="the same posts without any photo")
    a = ap.parse_args()

    out = os.path.abspath(a.out)
    if os.path.exists(out):
        shutil.rmtree(out)
    posts = os.path.join(out, "content", "posts")
    os.makedirs(posts)
    with open(os.path.join(out, "site.yml"), "w", encoding="utf-8") as f:
        f.write('title: "Photo walks"\n'
                'description: "A hundred walks, a phone photo from each (generated for the benchmark)."\n'
                'base_url: "https://example.org/"\n')
    jobs = []
    for i in range(1, a.posts + 1):
        folder = os.path.join(posts, f"photo-{i:03d}")
        os.makedirs(folder)
        with open(os.path.join(folder, "index.md"), "w", encoding="utf-8") as f:
            f.write(post_text(i, a.seed, not a.no_photos))
        if not a.no_photos:
            jobs.append((i, a.seed, a.width, a.height, a.quality, os.path.join(folder, "photo.jpg")))
    total = 0
    if jobs:
        engine = "numpy" if np is not None else "Pillow only (install numpy for speed)"
        print(f"gen_photos.py: {len(jobs)} photos of {a.width}x{a.height} into {posts} "
              f"({engine}, {a.jobs} at once)", file=sys.stderr)
        if a.jobs > 1:
            with ProcessPoolExecutor(max_workers=a.jobs) as pool:
                total = sum(pool.map(make_photo, jobs, chunksize=1))
        else:
            total = sum(map(make_photo, jobs))
    print(f"gen_photos.py: {a.posts} posts, {len(jobs)} photos, {total / 1e6:.1f} MB of JPEG in {out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
