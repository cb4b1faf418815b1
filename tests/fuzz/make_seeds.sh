#!/usr/bin/env bash
# Writes the fuzzer's seed inputs into the folder $1: small sound models of each format, and the
# test data's models. Each seed's first byte picks its format, as fuzz_model.cpp reads it:
# 0 .glb, 1 .gltf, 2 .obj, 3 .stl, 4 .ply, 5 .off.
set -euo pipefail
out=${1:?usage: make_seeds.sh OUTPUT_FOLDER}
data="$(dirname "$0")/../data"
mkdir -p "$out"

le32() { printf "\\x$(printf %02x $(($1 & 255)))\\x$(printf %02x $(($1 >> 8 & 255)))\\x$(printf %02x $(($1 >> 16 & 255)))\\x$(printf %02x $(($1 >> 24 & 255)))"; }
seed() { { printf "\\x$(printf %02x "$1")"; cat; } > "$out/$2"; }

# One triangle (0,0,0) (1,0,0) (0,1,0): nine little-endian floats, embedded as a data URI.
triangle_uri="data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA"
gltf='{"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"name":"muscle.test.L","children":[1]},{"mesh":0}],"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}],"bufferViews":[{"buffer":0,"byteLength":36}],"buffers":[{"byteLength":36,"uri":"'"$triangle_uri"'"}]}'
triangle_floats() { head -c 12 /dev/zero; printf '\x00\x00\x80\x3f'; head -c 12 /dev/zero; printf '\x00\x00\x80\x3f\x00\x00\x00\x00'; }

# The binary's buffer is its BIN chunk.
glb_json=${gltf/,\"uri\":\"$triangle_uri\"/}
while [ $((${#glb_json} % 4)) -ne 0 ]; do glb_json="$glb_json "; done
{ printf 'glTF'; le32 2; le32 $((12 + 8 + ${#glb_json} + 8 + 36)); le32 ${#glb_json}; printf 'JSON%s' "$glb_json"
  le32 36; printf 'BIN\x00'; triangle_floats; } | seed 0 triangle.glb
seed 0 corrupt.glb < "$data/corrupt.glb"
# The same triangle, indexed, with one level of detail stored as Dorsal's writer stores them
# (extras.dorsalDetailLevels: an index accessor and its error), and its closedness
# (extras.dorsalClosed).
levels_json='{"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"name":"muscle.test.L","mesh":0}],"meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1,"extras":{"dorsalClosed":false,"dorsalDetailLevels":[{"indices":2,"error":0.001}]}}]}],"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},{"bufferView":1,"componentType":5123,"count":3,"type":"SCALAR"},{"bufferView":2,"componentType":5123,"count":3,"type":"SCALAR"}],"bufferViews":[{"buffer":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":6},{"buffer":0,"byteOffset":44,"byteLength":6}],"buffers":[{"byteLength":52}]}'
while [ $((${#levels_json} % 4)) -ne 0 ]; do levels_json="$levels_json "; done
triangle_indices() { printf '\x00\x00\x01\x00\x02\x00\x00\x00'; }
{ printf 'glTF'; le32 2; le32 $((12 + 8 + ${#levels_json} + 8 + 52)); le32 ${#levels_json}; printf 'JSON%s' "$levels_json"
  le32 52; printf 'BIN\x00'; triangle_floats; triangle_indices; triangle_indices; } | seed 0 stored_levels.glb
printf '%s' "$gltf" | seed 1 triangle.gltf
seed 1 fibre_triangle.gltf < "$data/fibre_triangle.gltf"
seed 2 two_boxes.obj < "$data/two_boxes.obj"
printf 'solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid t\n' |
  seed 3 ascii.stl
{ head -c 80 /dev/zero; le32 1; head -c 12 /dev/zero; triangle_floats; head -c 2 /dev/zero; } | seed 3 binary.stl
ply_header='ply\nformat %s 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n'
{ printf "$ply_header" ascii; printf '0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n'; } | seed 4 ascii.ply
{ printf "$ply_header" binary_little_endian; triangle_floats; printf '\x03'; le32 0; le32 1; le32 2; } | seed 4 binary.ply
printf 'OFF\n# a triangle\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n' | seed 5 triangle.off
