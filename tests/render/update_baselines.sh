#!/usr/bin/env bash
# Re-renders the render tests' baseline images. Run after an intended visual change, look at every
# picture, and commit them with the change that caused them.
set -euo pipefail
dorsal=${1:?usage: update_baselines.sh PATH_TO_DORSAL}
here=$(cd "$(dirname "$0")" && pwd)
"$dorsal" --model "$here/../data/two_boxes.obj" --no-ui --resolution 320,200 --view oblique \
  --output "$here/baselines/two_boxes_oblique.png"
echo "updated $here/baselines/two_boxes_oblique.png"
