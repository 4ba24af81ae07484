#!/usr/bin/env bash
# Installs what MatchEngine needs on a Debian machine that has only Swift. Idempotent: each step
# checks first and does nothing when its work is already done.
#
#   scripts/bootstrap.sh            # system libraries + model files
#   scripts/bootstrap.sh --system   # system libraries only
#   scripts/bootstrap.sh --model    # model files only
#
# The model files go to $MATCH_ENGINE_MODEL_DIR, else ~/.cache/match-engine/models/all-MiniLM-L6-v2.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
want_system=1
want_model=1
case "${1:-}" in
  --system) want_model=0 ;;
  --model) want_system=0 ;;
  "") ;;
  *) echo "usage: $0 [--system|--model]" >&2; exit 64 ;;
esac

if [ "$want_system" = 1 ]; then
  "$here/install-system-deps.sh"
fi
if [ "$want_model" = 1 ]; then
  "$here/install-model.sh"
fi
