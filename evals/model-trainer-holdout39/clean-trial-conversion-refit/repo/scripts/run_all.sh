#!/usr/bin/env bash
set -euo pipefail
pip install -e . >/dev/null
trialconv-prepare
trialconv-train
trialconv-evaluate
