import os

SEED = 1729
ENCODER = "sentence-transformers/all-MiniLM-L12-v2"
# pin the exact model snapshot so embeddings are reproducible across machines
ENCODER_REVISION = "a05860a77cef7b37e0048a7864658139bc18a854"
HF_TOKEN = os.environ.get("HF_TOKEN")  # only needed behind the corporate proxy mirror
CACHE_DIR = os.environ.get("TOPICCLF_CACHE", ".cache/embeddings")
LABELS = ["cs.CL", "cs.CV", "cs.LG", "cs.RO", "q-bio.GN", "stat.ME", "physics.optics", "eess.SP"]
