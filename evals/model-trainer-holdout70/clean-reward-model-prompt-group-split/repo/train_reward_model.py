"""Bradley-Terry reward model on in-house preference pairs (several comparisons per prompt)."""
import json
import os
import random

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from rm.splits import grouped_three_way, length_baseline

cfg = json.load(open("rm_config.json"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

pairs = pd.read_parquet(cfg["pairs_path"]).dropna(subset=["prompt", "chosen", "rejected"])
pairs = pairs[pairs["chosen"] != pairs["rejected"]]
train_df, val_df, test_df = grouped_three_way(pairs, "prompt_id", cfg["test_fraction"], cfg["val_fraction"], cfg["seed"])
print(f"pairs train/val/test = {len(train_df)}/{len(val_df)}/{len(test_df)}, prompts = {pairs['prompt_id'].nunique()}")

tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
model = AutoModelForSequenceClassification.from_pretrained(cfg["model_name"], num_labels=1).to(device)


def collate(rows):
    prompts = [r["prompt"] for r in rows]
    enc = lambda side: tokenizer(prompts, [r[side] for r in rows], truncation="only_second",
                                 max_length=cfg["max_length"], padding=True, return_tensors="pt")
    return enc("chosen"), enc("rejected")


def make_loader(df, shuffle):
    g = torch.Generator().manual_seed(cfg["seed"])
    return DataLoader(df.to_dict("records"), batch_size=cfg["batch_size"], shuffle=shuffle, collate_fn=collate, generator=g)


def margins(batch):
    chosen, rejected = (b.to(device) for b in batch)
    return model(**chosen).logits.squeeze(-1) - model(**rejected).logits.squeeze(-1)


@torch.no_grad()
def evaluate(loader, frame):
    model.eval()
    m = torch.cat([margins(b).float().cpu() for b in loader]).numpy()
    close = (frame["chosen"].str.len() / frame["rejected"].str.len()).between(0.8, 1.25).to_numpy()
    model.train()
    return {"pair_acc": float((m > 0).mean()), "mean_margin": float(m.mean()),
            "pair_acc_length_matched": float((m[close] > 0).mean()) if close.any() else float("nan")}


train_loader, val_loader, test_loader = make_loader(train_df, True), make_loader(val_df, False), make_loader(test_df, False)
optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.01)
os.makedirs(cfg["output_dir"], exist_ok=True)
best_path = os.path.join(cfg["output_dir"], "best.pt")

best, stale, step, stop = -1.0, 0, 0, False
model.train()
for epoch in range(cfg["epochs"]):
    for batch in train_loader:
        optimizer.zero_grad()
        loss = -F.logsigmoid(margins(batch)).mean()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        step += 1
        if step % cfg["eval_every"] == 0:
            val = evaluate(val_loader, val_df)
            print(f"step {step} loss={loss.item():.4f} val={val}")
            if val["pair_acc"] > best:
                best, stale = val["pair_acc"], 0
                torch.save(model.state_dict(), best_path)
            else:
                stale += 1
                stop = stale >= cfg["patience"]
        if stop:
            break
    if stop:
        break

model.load_state_dict(torch.load(best_path, map_location=device))
report = {"test": evaluate(test_loader, test_df), "test_length_baseline_acc": length_baseline(test_df),
          "val_best_pair_acc": best}
print(json.dumps(report, indent=2))
json.dump(report, open(os.path.join(cfg["output_dir"], "report.json"), "w"), indent=2)
