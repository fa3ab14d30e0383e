"""Multi-label dialogue-act classification on MultiWOZ user turns (DistilRoBERTa, custom loop)."""
import json
import math
import random

import numpy as np
import torch
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          get_linear_schedule_with_warmup)

from dataset import ActDataset, load_turns

hp = json.load(open("hparams.json"))
random.seed(hp["seed"])
np.random.seed(hp["seed"])
torch.manual_seed(hp["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

splits = {s: load_turns(f"{hp['data_dir']}/{s}.json", hp["context_turns"]) for s in ("train", "val", "test")}
acts = sorted({a for e in splits["train"] for a in e["acts"]})
act2id = {a: i for i, a in enumerate(acts)}

tok = AutoTokenizer.from_pretrained(hp["model_name"])
collate = DataCollatorWithPadding(tok)
loaders = {
    s: DataLoader(ActDataset(ex, tok, act2id, hp["max_length"]), batch_size=hp["batch_size"],
                  shuffle=(s == "train"), collate_fn=collate)
    for s, ex in splits.items()
}

model = AutoModelForSequenceClassification.from_pretrained(
    hp["model_name"], num_labels=len(acts), problem_type="multi_label_classification"
).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=hp["lr"], weight_decay=0.01)
updates = math.ceil(len(loaders["train"]) / hp["accum_steps"]) * hp["epochs"]
scheduler = get_linear_schedule_with_warmup(optimizer, int(hp["warmup_frac"] * updates), updates)


def score(loader):
    model.train(False)
    probs, gold = [], []
    with torch.inference_mode():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            logits = model(**{k: v for k, v in batch.items() if k != "labels"}).logits
            probs.append(torch.sigmoid(logits).cpu())
            gold.append(batch["labels"].cpu())
    pred = (torch.cat(probs) > 0.5).int().numpy()
    gold = torch.cat(gold).int().numpy()
    return f1_score(gold, pred, average="micro", zero_division=0), f1_score(gold, pred, average="macro", zero_division=0)


best = -1.0
for epoch in range(hp["epochs"]):
    model.train()
    optimizer.zero_grad()
    for step, batch in enumerate(loaders["train"], start=1):
        batch = {k: v.to(device) for k, v in batch.items()}
        loss = model(**batch).loss / hp["accum_steps"]
        loss.backward()
        if step % hp["accum_steps"] == 0 or step == len(loaders["train"]):
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
    micro, macro = score(loaders["val"])
    print(f"epoch {epoch + 1}: val micro-F1 {micro:.4f} macro-F1 {macro:.4f}")
    if micro > best:
        best = micro
        model.save_pretrained("ckpt/best")

model = AutoModelForSequenceClassification.from_pretrained("ckpt/best").to(device)
micro, macro = score(loaders["test"])
print(f"test micro-F1 {micro:.4f} macro-F1 {macro:.4f}")
