"""
Make places/data/ny_counties.json, the county shapes of the New York map, once.

The shapes are the US Census Bureau's cartographic boundaries (public domain) as the npm
package us-atlas ships them, 1:10,000,000 TopoJSON. Run it again only to change the
shapes; the site reads the committed JSON and needs no npm:

    cd "$(mktemp -d)" && npm pack us-atlas@3 && tar xzf us-atlas-3*.tgz
    python3 scripts/make_ny_county_map.py "$PWD/package/counties-10m.json"

The TopoJSON is decoded here (a few lines) rather than through topojson-client, so the
script needs only Python. Each shared border (a TopoJSON arc) is simplified once, so
neighboring counties keep the same edge and no gaps open between them.
"""

import json
import math
import sys
from pathlib import Path

NY_STATE_FIPS = "36"
WIDTH = 1000  # viewBox units; the height follows from the projection
TOLERANCE = 0.25  # Douglas-Peucker tolerance in viewBox units
PAD = 3  # room for the outer strokes inside the viewBox
OUT = Path(__file__).resolve().parent.parent / "places" / "data" / "ny_counties.json"


def decode_arcs(topology):
    """Every arc as a list of (longitude, latitude): quantized deltas made absolute."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points, tolerance):
    """Douglas-Peucker, keeping both ends (the points an arc shares with its neighbors)."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = math.hypot(x2 - x1, y2 - y1)
    farthest, index = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        if length:
            distance = abs((x2 - x1) * (y1 - py) - (x1 - px) * (y2 - y1)) / length
        else:
            distance = math.hypot(px - x1, py - y1)
        if distance > farthest:
            farthest, index = distance, i
    if farthest <= tolerance:
        return [points[0], points[-1]]
    left = simplify(points[: index + 1], tolerance)
    return left[:-1] + simplify(points[index:], tolerance)


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    return geometry["arcs"]  # MultiPolygon


def main(source):
    topology = json.loads(Path(source).read_text())
    counties = [
        g
        for g in topology["objects"]["counties"]["geometries"]
        if g["id"].startswith(NY_STATE_FIPS)
    ]
    arcs = decode_arcs(topology)
    used = {
        i if i >= 0 else ~i
        for g in counties
        for polygon in polygons(g)
        for ring in polygon
        for i in ring
    }
    points = [arcs[i][j] for i in used for j in range(len(arcs[i]))]
    west = min(p[0] for p in points)
    east = max(p[0] for p in points)
    south = min(p[1] for p in points)
    north = max(p[1] for p in points)
    # Equirectangular with the mid-latitude's cosine: close enough at one state's scale.
    squeeze = math.cos(math.radians((north + south) / 2))
    scale = WIDTH / ((east - west) * squeeze)
    height = math.ceil((north - south) * scale) + 2 * PAD

    def project(lon, lat):
        return (PAD + (lon - west) * squeeze * scale, PAD + (north - lat) * scale)

    projected = {i: simplify([project(*p) for p in arcs[i]], TOLERANCE) for i in used}

    def ring_points(ring):
        out = []
        for i in ring:
            arc = projected[i] if i >= 0 else projected[~i][::-1]
            out.extend(arc if not out else arc[1:])
        return out

    shapes = {}
    for g in sorted(counties, key=lambda g: g["properties"]["name"]):
        d = []
        for polygon in polygons(g):
            for ring in polygon:
                ring_xy = ring_points(ring)
                if len(ring_xy) < 3:
                    continue
                d.append("M" + "L".join(f"{x:.1f},{y:.1f}".replace(".0,", ",") for x, y in ring_xy))
        shapes[g["properties"]["name"]] = "".join(part + "Z" for part in d)

    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "source": "US Census Bureau cartographic boundaries via us-atlas@3 "
                "counties-10m.json (public domain)",
                "viewBox": f"0 0 {WIDTH + 2 * PAD} {height}",
                "counties": shapes,
            },
            indent=0,
        )
        + "\n"
    )
    print(f"{len(shapes)} counties, {OUT.stat().st_size:,} bytes -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
