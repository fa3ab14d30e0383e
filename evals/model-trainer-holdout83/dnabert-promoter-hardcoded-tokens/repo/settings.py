"""Shared settings for the promoter fine-tuning experiments."""
from pathlib import Path

PROJECT = "promoter-dnabert2"
BASE_MODEL = "zhihan1996/DNABERT-2-117M"
HUB_REPO = "regen-lab/dnabert2-promoter-300"
HF_TOKEN = "hf_F22Dfiycd8Pnmltf0dAjwtJZmEYOT57o0C"

DATA_DIR = Path("data/gue/prom_300_all")
OUTPUT_DIR = Path("outputs/dnabert2_prom300")
MAX_LENGTH = 128
SEED = 42
