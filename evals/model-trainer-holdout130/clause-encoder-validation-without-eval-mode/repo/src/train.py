import argparse
import json
import os
import random

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader
from transformers import AutoTokenizer, get_linear_schedule_with_warmup

from data import ClauseDataset, read_jsonl
from model import ClauseClassifier


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def evaluate(model, loader, device):
    preds, golds = [], []
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            labels = batch.pop("labels")
            logits = model(**batch)
            preds.extend(logits.argmax(-1).cpu().tolist())
            golds.extend(labels.cpu().tolist())
    return f1_score(golds, preds, average="macro"), f1_score(golds, preds, average="micro")


def main(cfg):
    tcfg, mcfg, dcfg = cfg["train"], cfg["model"], cfg["data"]
    seed_all(tcfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    labels = sorted({r["label"] for r in read_jsonl(dcfg["train"])})
    label2id = {l: i for i, l in enumerate(labels)}
    tok = AutoTokenizer.from_pretrained(mcfg["backbone"])

    train_ds = ClauseDataset(dcfg["train"], tok, label2id, dcfg["max_length"])
    dev_ds = ClauseDataset(dcfg["dev"], tok, label2id, dcfg["max_length"])
    test_ds = ClauseDataset(dcfg["test"], tok, label2id, dcfg["max_length"])
    train_dl = DataLoader(train_ds, batch_size=tcfg["batch_size"], shuffle=True, num_workers=2)
    dev_dl = DataLoader(dev_ds, batch_size=64)
    test_dl = DataLoader(test_ds, batch_size=64)

    model = ClauseClassifier(mcfg["backbone"], len(labels), mcfg["dropout"], mcfg["head_hidden"]).to(device)
    optimizer = torch.optim.AdamW([
        {"params": model.encoder.parameters(), "lr": tcfg["lr"]},
        {"params": model.head.parameters(), "lr": tcfg["head_lr"]},
    ], weight_decay=tcfg["weight_decay"])
    total_steps = len(train_dl) * tcfg["epochs"]
    scheduler = get_linear_schedule_with_warmup(optimizer, int(tcfg["warmup_ratio"] * total_steps), total_steps)
    loss_fn = nn.CrossEntropyLoss()

    os.makedirs(tcfg["out_dir"], exist_ok=True)
    ckpt = os.path.join(tcfg["out_dir"], "best.pt")
    best_f1 = -1.0
    for epoch in range(tcfg["epochs"]):
        model.train()
        running = 0.0
        for step, batch in enumerate(train_dl):
            batch = {k: v.to(device) for k, v in batch.items()}
            labels_b = batch.pop("labels")
            optimizer.zero_grad()
            loss = loss_fn(model(**batch), labels_b)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            running += loss.item()
        dev_macro, dev_micro = evaluate(model, dev_dl, device)
        print(f"epoch {epoch} loss {running / len(train_dl):.4f} dev macro-F1 {dev_macro:.4f} micro-F1 {dev_micro:.4f}")
        if dev_macro > best_f1:
            best_f1 = dev_macro
            torch.save(model.state_dict(), ckpt)

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test_macro, test_micro = evaluate(model, test_dl, device)
    print(f"test macro-F1 {test_macro:.4f} micro-F1 {test_micro:.4f}")
    with open(os.path.join(tcfg["out_dir"], "metrics.json"), "w") as fh:
        json.dump({"dev_macro_f1": best_f1, "test_macro_f1": test_macro, "test_micro_f1": test_micro}, fh, indent=2)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    with open(args.config) as fh:
        main(yaml.safe_load(fh))
