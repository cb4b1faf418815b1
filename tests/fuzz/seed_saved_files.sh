#!/usr/bin/env bash
# Seeds the saved-files fuzzer's corpus folder ($1): each seed is the byte that tells
# fuzz_saved_files the kind of file (0: a scene, 1: settings, 2: BodyParts3D names, 3: a --names
# file), then a file of
# that kind as Dorsal writes or ships it.
# Existing corpus files (what earlier runs found) are kept.
set -euo pipefail
corpus=${1:?usage: seed_saved_files.sh CORPUS_DIR}
mkdir -p "$corpus"
{ printf '\x00'; cat <<'SCENE'
# A scene of Dorsal: what was on screen. Open it with File > Open scene or dorsal --scene FILE.
format = "dorsal-scene"
version = 1
model = "built-in"

[camera]  # looking at target from distance metres away; yaw 0 is from the front, pitch up
target = [-2.3841858e-06, 1.0269761, -0.027063847]
yaw = 3.1415927
pitch = 0.0
distance = 2.5493555

[showing]

[view]
layers = ["skin", "superficial", "intermediate", "deep", "bones"]
side = "both"
xray = false
cutaway = true
pain_map = true
dim = true
labels = true
isolate = false
hidden = ["muscle.longissimus.L"]

[[pin]]
node = "bone.vertebra_l5"
at = [-0.039121896, 1.0251433, -0.04485625]
normal = [0.27573144, 0.43151498, -0.8589337]
note = ""

[where]  # where does it hurt?
on = false
marked = []
SCENE
} > "$corpus/seed-scene-pin"
{ printf '\x00'; cat <<'SCENE'
format = "dorsal-scene"
version = 1
model = "models/other body.glb"

[camera]
target = [0.0, 1.1, 0.0]
yaw = -0.5
pitch = 0.25
distance = 1.75

[showing]
entry = "quadratus_lumborum"
selected = ["muscle.quadratus_lumborum.L", "bone.vertebra_l3"]

[view]
layers = ["bones"]
side = "left"
xray = true
cutaway = false
pain_map = false
dim = false
labels = false
isolate = true
hidden = []

[[pin]]
node = "muscle.quadratus_lumborum.L"
at = [0.05, 1.02, -0.06]
normal = [0.0, 0.0, -1.0]
note = "pain 6/10 \"sharp\" when bending"

[[pin]]
node = "skin"
at = [-0.05, 1.02, -0.1]
normal = [0.0, 0.0, -1.0]
note = "tender here"

[where]
on = true
marked = [{ region = "lower_back", side = "left" }, { region = "buttock", side = "both" }]
SCENE
} > "$corpus/seed-scene-full"
{ printf '\x01'; cat <<'SETTINGS'
# Dorsal's settings. Dorsal rewrites this file whenever a setting changes.
version = 1
font_size = 18
paper = 'letter'

[presentation]
text_scale = 1.5
fullscreen = false

[recent]
models = [
  '/home/anna/models/back.glb',
]
scenes = [
  '/root/client1.dorsal',
  '/root/other client.dorsal',
]
SETTINGS
} > "$corpus/seed-settings"
{ printf '\x02'; cat "$(dirname "$0")/../../assets/anatomy/bodyparts3d.toml"; } > "$corpus/seed-bodyparts3d-names"
{ printf '\x03'; cat <<'NAMES'
version = 1

[[node]]
match = "Left_Psoas*"
id = "muscle.psoas_major.L"

[[node]]
match = "L4"
id = "bone.vertebra_l4"
NAMES
} > "$corpus/seed-names.toml"
