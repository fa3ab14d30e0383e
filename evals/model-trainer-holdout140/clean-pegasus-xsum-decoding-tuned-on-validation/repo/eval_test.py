"""XSum test ROUGE with the decoding settings from tune_decoding.py."""
import json

import torch
import yaml
from datasets import load_dataset

from gen_utils import load_model, rouge_scores, summarise

cfg = yaml.safe_load(open("config.yaml"))
with open(cfg["selected_decoding"]) as f:
    decoding = json.load(f)["decoding"]

device = "cuda" if torch.cuda.is_available() else "cpu"
tok, model = load_model(cfg["checkpoint"], device)
test = load_dataset(cfg["dataset"], split="test")

preds = summarise(test["document"], tok, model, cfg, **decoding)
scores = rouge_scores(preds, test["summary"])
print(f"XSum test ({len(test)} docs) with {decoding}: {scores}")
with open("results/test_rouge.json", "w") as f:
    json.dump({"decoding": decoding, "test": scores}, f, indent=2)
