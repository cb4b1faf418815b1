#!/usr/bin/env bash
# Makes every picture in docs/ with the offscreen mode of a built dorsal, so that the README's
# pictures show what the program draws today. Usage: scripts/docs-pictures.sh [path/to/dorsal]
# (default build/bin/dorsal). The handout's page (docs/handout.png) needs pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
dorsal=${1:-build/bin/dorsal}
body=(--no-ui --resolution 800,1000)

shot() {  # shot NAME ARGS...: one picture, named docs/NAME.png
    local name=$1
    shift
    "$dorsal" --output "docs/$name.png" "$@"
    echo "docs/$name.png"
}

# The whole body from each side, and the psoas with the abdominal wall lifted away.
shot posterior "${body[@]}" --view posterior
shot anterior "${body[@]}" --view anterior
shot left "${body[@]}" --view left
shot oblique "${body[@]}" --view oblique
shot anterior-psoas "${body[@]}" --view anterior \
    --hide rectus_abdominis,external_oblique,internal_oblique,transversus_abdominis,pectoralis_major,tensor_fasciae_latae,rectus_femoris
# Close-ups an atlas has: the shoulder from behind, the lower back, the hip from the side.
shot closeup-shoulder --no-ui --resolution 900,800 --select rotator_cuff --view posterior --labels --no-pain-map
shot closeup-lower-back --no-ui --resolution 900,800 --select quadratus_lumborum --view posterior --labels --no-pain-map
shot closeup-hip --no-ui --resolution 900,800 --select gluteals --view left --labels --no-pain-map
# The window and the features the README shows.
shot screenshot --select low_back_pain --labels
shot cutaway-psoas "${body[@]}" --select psoas_major --labels
shot pain-pattern-neck --no-ui --resolution 800,900 --select neck_shoulder_pain --labels
shot pain-map --no-ui --resolution 800,900 --select trapezius_descending --labels
shot where --where lower_back,buttock --view posterior
shot presentation --present --resolution 1280,720 --select quadratus_lumborum
if command -v pdftoppm >/dev/null; then
    pdf=$(mktemp --suffix=.pdf)
    "$dorsal" handout --select psoas_major --output "$pdf"
    pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$pdf" docs/handout
    rm -f "$pdf"
    echo docs/handout.png
fi
