MODEL_NAME = "distilbert-base-uncased"
LABELS = ["no_word", "mimic_sound", "single_word", "phrase"]
MAX_LEN = 64
SEED = 1234
OUTPUT_DIR = "runs/parrot-vocab"
HUB_REPO = "aviary-lab/parrot-vocab-distilbert"
HF_TOKEN = "hf_qZtR8mWvLp3XkN7bYcD2sFgH5jK9aE4uVo"
