#!/usr/bin/env python3
"""Makes phone-like JPEG photos with libvips' command line and exiftool: soft colour fields
with sensor-like grain, a red block in the stored top-left corner (so a test can tell which
way up a picture came out), and the EXIF a phone writes: orientation, GPS position, camera
make, model and serial number.

    make_photos.py OUT_DIR NAME WIDTH HEIGHT [--orientation N] [--seed N] [--copies N] [--quality Q]

--copies N writes N photos NAME-1.jpg … NAME-N.jpg from a dozen pictures, each copy with its
own comment segment, so every file has its own content (and its own cache entry).

--from DIR takes the pictures from real photographs (JPEG or PNG files in DIR) instead: each is
scaled and cropped to WIDTH×HEIGHT and given the same phone EXIF. Generated colour fields
compress far better than real scenes, so bytes per page are only honest with real photos."""
import argparse
import os
import random
import subprocess
import tempfile


def vips(*args):
    subprocess.run(["vips", *map(str, args)], check=True)


def picture(path, width, height, seed, quality, orientation, grain=5):
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        small_w, small_h = max(width // 120, 8), max(height // 120, 8)
        bands = []
        for band in range(3):
            name = f"{tmp}/n{band}.v"
            vips("gaussnoise", name, small_w, small_h, "--mean", rng.randint(90, 170), "--sigma", 70, "--seed", rng.randint(1, 10**6))
            bands.append(name)
        vips("bandjoin", " ".join(bands), f"{tmp}/small.v")
        vips("gaussblur", f"{tmp}/small.v", f"{tmp}/soft.v", 1.2)
        vips("resize", f"{tmp}/soft.v", f"{tmp}/big.v", width / small_w, "--vscale", height / small_h, "--kernel", "linear")
        vips("gaussnoise", f"{tmp}/grain.v", width, height, "--mean", 0, "--sigma", grain, "--seed", rng.randint(1, 10**6))
        vips("add", f"{tmp}/big.v", f"{tmp}/grain.v", f"{tmp}/sum.v")
        vips("cast", f"{tmp}/sum.v", f"{tmp}/rgb.v", "uchar")
        vips("draw_rect", f"{tmp}/rgb.v", "220 20 20", 0, 0, width // 5, height // 5, "--fill")
        vips("copy", f"{tmp}/rgb.v", f"{tmp}/srgb.v", "--interpretation", "srgb")
        vips("jpegsave", f"{tmp}/srgb.v", path, "--Q", quality, "--strip")
    phone_exif(path, orientation, rng)


def phone_exif(path, orientation, rng):
    """What a phone writes: orientation, camera, serial number, time and place."""
    subprocess.run([
        "exiftool", "-q", "-overwrite_original", f"-Orientation#={orientation}",
        "-Make=Samsung", "-Model=Galaxy A54", "-SerialNumber=R58T40ABCDE", "-DateTimeOriginal=2024:05:17 08:42:13",
        f"-GPSLatitude={17.4 + rng.random() / 10:.6f}", "-GPSLatitudeRef=N",
        f"-GPSLongitude={106.5 + rng.random() / 10:.6f}", "-GPSLongitudeRef=E",
        "-XMP-dc:Creator=Điện thoại của phóng viên", path,
    ], check=True)


def from_photo(source, path, width, height, seed, quality, orientation):
    """A real photograph at the phone's size, with the phone's EXIF."""
    with tempfile.TemporaryDirectory() as tmp:
        vips("thumbnail", source, f"{tmp}/sized.v", width, "--height", height, "--size", "both", "--crop", "centre")
        vips("jpegsave", f"{tmp}/sized.v", path, "--Q", quality, "--strip")
    phone_exif(path, orientation, random.Random(seed))


def real_photos(folder):
    names = sorted(name for name in os.listdir(folder) if name.lower().endswith((".jpg", ".jpeg", ".png")))
    if not names:
        raise SystemExit(f"{folder}: no JPEG or PNG photographs")
    return [os.path.join(folder, name) for name in names]


def with_comment(source, target, text):
    """The same picture with a JPEG comment segment after the start marker."""
    data = open(source, "rb").read()
    comment = text.encode()
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    open(target, "wb").write(data[:2] + segment + data[2:])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("name")
    parser.add_argument("width", type=int)
    parser.add_argument("height", type=int)
    parser.add_argument("--orientation", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--copies", type=int, default=0)
    parser.add_argument("--quality", type=int, default=90)
    parser.add_argument("--from", dest="source", help="a folder of real photographs to use instead of generated pictures")
    parser.add_argument("--grain", type=float, default=5, help="sensor grain; less makes smaller files")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.copies == 0:
        picture(f"{args.out}/{args.name}.jpg", args.width, args.height, args.seed, args.quality, args.orientation, args.grain)
        return
    with tempfile.TemporaryDirectory() as tmp:
        bases = []
        sources = real_photos(args.source) if args.source else []
        for index in range(min(len(sources) or 12, args.copies)):
            base = f"{tmp}/base{index}.jpg"
            orientation = (1, 6, 1, 8, 3, 1)[index % 6]
            if sources:
                from_photo(sources[index], base, args.width, args.height, args.seed + index, args.quality, orientation)
            else:
                picture(base, args.width, args.height, args.seed + index, args.quality, orientation, args.grain)
            bases.append(base)
        for index in range(args.copies):
            with_comment(bases[index % len(bases)], f"{args.out}/{args.name}-{index + 1}.jpg", f"photo {index + 1}")


if __name__ == "__main__":
    main()
