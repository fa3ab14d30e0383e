"""Pick beam size / length penalty / min_length on a validation sample."""
import itertools
import json
import os

import torch
import yaml
from datasets import load_dataset

from gen_utils import load_model, rouge_scores, summarise

cfg = yaml.safe_load(open("config.yaml"))
t = cfg["tune"]
device = "cuda" if torch.cuda.is_available() else "cpu"
tok, model = load_model(cfg["checkpoint"], device)

val = load_dataset(cfg["dataset"], split=t["split"]).shuffle(seed=t["sample_seed"]).select(range(t["n_samples"]))
docs, refs = val["document"], val["summary"]

rows = []
for nb, lp, ml in itertools.product(t["num_beams"], t["length_penalty"], t["min_length"]):
    dec = {"num_beams": nb, "length_penalty": lp, "min_length": ml}
    scores = rouge_scores(summarise(docs, tok, model, cfg, **dec), refs)
    rows.append({**dec, **scores})
    print(rows[-1], flush=True)

best = max(rows, key=lambda r: (r["rouge1"] + r["rouge2"] + r["rougeL"]) / 3)
decoding = {k: best[k] for k in ("num_beams", "length_penalty", "min_length")}
os.makedirs(os.path.dirname(cfg["selected_decoding"]), exist_ok=True)
with open(cfg["selected_decoding"], "w") as f:
    json.dump({"decoding": decoding, "val_scores": best, "grid": rows}, f, indent=2)
print("selected on validation:", decoding)
