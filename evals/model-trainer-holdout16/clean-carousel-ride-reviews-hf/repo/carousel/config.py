import os

BASE_MODEL = "distilroberta-base"
SEED = 8
OUT = "runs/carousel-complaints"
HUB_REPO = "fairground-ops/carousel-complaint-triage"
HF_TOKEN = os.environ.get("HF_TOKEN")  # set in CI secrets, never committed
LABELS = ["praise", "queue", "safety", "noise", "price"]
