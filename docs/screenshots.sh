#!/usr/bin/env bash
# Regenerates the screenshots in docs/images/ from the running IDE, headless: every picture is the real
# window written by the snapshot hooks of app/.../ui/StudioApp.java (-Dnpustudio.snapshot=FILE.png and
# friends), so the images follow the code instead of being drawn by hand.
#
#   docs/screenshots.sh [NAME...]     all images, or only the named ones (e.g. graph pass-diff)
#
# Needs JDK 17, Maven and xvfb-run (Debian/Ubuntu: apt-get install xvfb) unless a DISPLAY is set and
# NPUSTUDIO_SHOTS_NO_XVFB=1. The app is built through ./npustudio when it is missing or older than the
# sources (NPUSTUDIO_MVN_ARGS=-o builds offline). Window preferences go to a scratch folder, so the
# pictures do not depend on the size you last left the IDE at, and nothing of yours is touched.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$root/docs/images"
launcher="$root/npustudio"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/npustudio-shots.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$out" "$scratch/prefs"

if [[ "${NPUSTUDIO_SHOTS_NO_XVFB:-}" != 1 ]] && ! command -v xvfb-run >/dev/null 2>&1; then
    echo "screenshots.sh: xvfb-run not found (install xvfb, or set NPUSTUDIO_SHOTS_NO_XVFB=1 with a DISPLAY)" >&2
    exit 2
fi

# Builds once up front (a no-op when the build is current), so no snapshot run races a build.
"$launcher" help >/dev/null

# shot NAME SCREEN PROPS... -- GUI-ARGS...: opens the IDE on a virtual screen of SCREEN pixels (the
# window opens maximised, so that is the picture's size) with the snapshot properties and writes NAME.png.
shot() {
    local name="$1" screen="$2"
    shift 2
    local props=() png="$out/$name.png"
    while [[ "$1" != -- ]]; do props+=("$1"); shift; done
    shift
    echo "screenshots.sh: $name.png" >&2
    rm -f "$png"
    local opts="-Djava.util.prefs.userRoot=$scratch/prefs -Dnpustudio.snapshot=$png ${props[*]}"
    if [[ "${NPUSTUDIO_SHOTS_NO_XVFB:-}" == 1 ]]; then
        JAVA_OPTS="${JAVA_OPTS:-} $opts" "$launcher" gui "$@"
    else
        JAVA_OPTS="${JAVA_OPTS:-} $opts" xvfb-run -a -s "-screen 0 ${screen}x24" "$launcher" gui "$@"
    fi
    [[ -s "$png" ]] || { echo "screenshots.sh: $name.png was not written" >&2; exit 1; }
}

wanted() { [[ ${#only[@]} -eq 0 ]] || [[ " ${only[*]} " == *" $1 "* ]]; }
only=("$@")
npu="$root/samples/npu/edge-npu-8tops.yaml"

# The graph view with the inspector: ResNet50, as the README's first command opens it.
wanted graph && shot graph 1280x820 -- --sample resnet50

# The pass diff window: the default pipeline on MobileNetV2, at fold-batchnorm, side by side.
wanted pass-diff && shot pass-diff 1280x820 -Dnpustudio.snapshot.diff=fold-batchnorm -- --sample mobilenetv2

# The partition editor on an auto-partitioned MobileNetV2.
wanted partition-editor && shot partition-editor 1280x820 -Dnpustudio.partition.plan=auto -- --sample mobilenetv2

# The profiler: MobileNetV2 simulated on the NPU as written, latency overlaid on the graph.
wanted profiler && shot profiler 1280x820 -Dnpustudio.snapshot.simulate=true -- --sample mobilenetv2

# The profiler as compiled (docs/profiler.md).
wanted profiler-as-compiled && shot profiler-as-compiled 1280x820 \
    -Dnpustudio.snapshot.simulate=true -Dnpustudio.snapshot.costing=compiled -- --sample mobilenetv2

# Partition > Optimise Plan… on the edge NPU (docs/partition-editor.md); the dialog is pictured.
wanted optimise-plan && shot optimise-plan 1280x820 \
    -Dnpustudio.partition.plan=auto "-Dnpustudio.snapshot.optimise=$npu" -- --sample mobilenetv2

# The Sweep window (docs/sweeps.md): a small sweep of LeNet-5 on the teaching NPU, run first.
if wanted sweep-view; then
    cat >"$scratch/lenet5.yaml" <<EOF
version: 1
npu: $root/samples/npu/teaching-32x32.yaml
parameters:
  array: [16, 32, 64]
  dataflow: [ws, os, is]
  sram_kb: [16, 64, 256, 1024]
models:
  - sample: lenet5
EOF
    "$launcher" sweep "$scratch/lenet5.yaml" -o "$scratch/lenet5-results" >/dev/null
    shot sweep-view 1280x820 "-Dnpustudio.snapshot.sweep=$scratch/lenet5-results" --
fi

# The lesson pane (docs/lessons.md): lesson 1 at its first predict step, after a prediction 1.7 % off.
if wanted lesson-pane; then
    ws="$scratch/lesson1"
    "$launcher" lesson start 01-reading-a-graph "$ws" >/dev/null
    "$launcher" lesson answer 01-reading-a-graph "$ws" predict-conv2-macs 236000 >/dev/null || true # graded, not failed
    shot lesson-pane 1024x656 -Dnpustudio.snapshot.step=predict-conv2-macs -- --lesson 01-reading-a-graph --workspace "$ws"
fi

# Presenter mode (F5) on lesson 1: large type, high contrast, the spotlight on the step's node.
wanted presenter-mode && shot presenter-mode 1280x820 -Dnpustudio.snapshot.step=conv1-params -- \
    --lesson 01-reading-a-graph --workspace "$scratch/lesson1-present" --present

echo "screenshots.sh: done; images in docs/images/" >&2
