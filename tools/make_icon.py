#!/usr/bin/env python3
"""Writes assets/icon.svg and assets/icon.png (256 px) from one geometry.

The icon: a rounded square, a neutral axis, and a stance line through three
points (opposes -> neutral -> supports). Pure Python (zlib), no imaging library.
"""
import math, struct, zlib, pathlib

SIZE = 256
BG = (22, 58, 96)
AXIS = (150, 170, 190)
LINE = (240, 240, 240)
POINTS = [((56, 176), (213, 94, 0)), ((128, 128), (200, 200, 200)), ((200, 72), (0, 158, 115))]
RADIUS = 22
CORNER = 48

def inside_rounded(x, y):
    cx = min(max(x, CORNER), SIZE - CORNER)
    cy = min(max(y, CORNER), SIZE - CORNER)
    return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2

def dist_to_segment(px, py, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))

def pixel(x, y):
    px, py = x + 0.5, y + 0.5
    if not inside_rounded(px, py):
        return (0, 0, 0, 0)
    color = BG
    if abs(py - 128) <= 2 and 28 <= px <= 228:
        color = AXIS
    for a, b in zip(POINTS, POINTS[1:]):
        if dist_to_segment(px, py, a[0], b[0]) <= 5:
            color = LINE
    for (cx, cy), c in POINTS:
        d = math.hypot(px - cx, py - cy)
        if d <= RADIUS:
            color = c if d <= RADIUS - 5 else LINE
    return color + (255,)

def png(path):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    path.write_bytes(data)

def svg(path):
    hexc = lambda c: "#%02x%02x%02x" % c
    pts = " ".join(f"{x},{y}" for (x, y), _ in POINTS)
    circles = "".join(
        f'<circle cx="{x}" cy="{y}" r="{RADIUS - 2.5}" fill="{hexc(c)}" stroke="{hexc(LINE)}" stroke-width="5"/>'
        for (x, y), c in POINTS
    )
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}">'
        f'<rect width="{SIZE}" height="{SIZE}" rx="{CORNER}" fill="{hexc(BG)}"/>'
        f'<line x1="28" y1="128" x2="228" y2="128" stroke="{hexc(AXIS)}" stroke-width="4"/>'
        f'<polyline points="{pts}" fill="none" stroke="{hexc(LINE)}" stroke-width="10"/>{circles}</svg>\n'
    )

assets = pathlib.Path(__file__).resolve().parent.parent / "assets"
png(assets / "icon.png")
svg(assets / "icon.svg")
print("wrote", assets / "icon.png", assets / "icon.svg")
