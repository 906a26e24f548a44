#!/bin/sh
# Makes the PNG icons and sharing images from the hand-written SVGs in static/img/.
# Run once after changing an SVG, then commit the PNGs: the site and CI never run this.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin) and a sans-serif font
# (Liberation Sans or DejaVu Sans, which Debian installs with most desktops and Chromium).
set -eu
cd "$(dirname "$0")/../static/img"
command -v rsvg-convert >/dev/null || { echo "rsvg-convert missing: apt-get install librsvg2-bin" >&2; exit 1; }

# Square icons: the mark as it is (rounded corners) for browser tabs and the manifest.
rsvg-convert -w 32 -h 32 logo-mark.svg -o favicon-32.png
rsvg-convert -w 192 -h 192 logo-mark.svg -o icon-192.png
rsvg-convert -w 512 -h 512 logo-mark.svg -o icon-512.png

# iOS and Android's maskable icons cut their own shape: give them a full square, with the
# mark inside the central safe zone (80%).
full_square() {
  cat <<SVG
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 80 80">
  <rect width="80" height="80" fill="#0b5394"/>
  <image x="8" y="8" width="64" height="64" xlink:href="logo-mark.svg"/>
</svg>
SVG
}
full_square > _square.svg
rsvg-convert -w 180 -h 180 _square.svg -o apple-touch-icon.png
rsvg-convert -w 512 -h 512 _square.svg -o icon-maskable-512.png
rm _square.svg

# Sharing images (Open Graph, Twitter cards): 1200 x 630, one per kind of page.
og() {  # og NAME "Heading" "Line under it"
  cat > "_og.svg" <<SVG
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#083b69"/>
  <rect x="0" y="600" width="1200" height="30" fill="#ffbf47"/>
  <image x="80" y="80" width="160" height="160" xlink:href="logo-mark.svg"/>
  <text x="80" y="340" font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif" font-size="40" font-weight="700" fill="#ffbf47">Health Careers New York</text>
  <text x="80" y="430" font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif" font-size="72" font-weight="700" fill="#ffffff">$2</text>
  <text x="80" y="510" font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif" font-size="36" fill="#ffffff">$3</text>
</svg>
SVG
  rsvg-convert -w 1200 -h 630 _og.svg -o "og-$1.png"
  rm _og.svg
}
og default "Health-care careers" "What the jobs are, what they pay, where to train."
og careers "Careers and roles" "Job titles, duties, pay and where each role leads."
og trainings "Find a training" "Certificates, degrees and courses across New York."
og employers "Find an employer" "Employers near you, by ZIP code and distance."
echo "Made: $(ls ./*.png | tr '\n' ' ')"
