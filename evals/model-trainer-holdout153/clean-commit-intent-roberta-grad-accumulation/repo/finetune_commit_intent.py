"""Fine-tune distilroberta to classify commit messages as corrective / adaptive / perfective.

Fits on a single 12GB GPU with batch 8 x 4 accumulation steps (effective batch 32).
"""
import argparse
import os
import random

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, get_cosine_schedule_with_warmup)

LABELS = ["corrective", "adaptive", "perfective"]


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def make_loader(df, tok, bs, shuffle):
    enc = tok(df["message"].tolist(), truncation=True, max_length=128)
    items = [{"input_ids": i, "attention_mask": a, "labels": l}
             for i, a, l in zip(enc["input_ids"], enc["attention_mask"], df["y"])]
    return DataLoader(items, batch_size=bs, shuffle=shuffle, collate_fn=DataCollatorWithPadding(tok))


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, gold = [], []
    for batch in loader:
        gold.extend(batch["labels"].tolist())
        batch = {k: v.to(device) for k, v in batch.items()}
        preds.extend(model(**batch).logits.argmax(-1).cpu().tolist())
    return np.array(gold), np.array(preds)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/commits_labeled_1151.csv")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--accum", type=int, default=4)
    args = ap.parse_args()
    seed_all(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_csv(args.csv).dropna(subset=["message"])
    df["y"] = df["label"].map(LABELS.index)
    rest, test = train_test_split(df, test_size=0.2, stratify=df["y"], random_state=args.seed)
    train, val = train_test_split(rest, test_size=0.125, stratify=rest["y"], random_state=args.seed)

    tok = AutoTokenizer.from_pretrained("distilroberta-base")
    model = AutoModelForSequenceClassification.from_pretrained("distilroberta-base",
                                                               num_labels=len(LABELS)).to(device)
    train_dl = make_loader(train, tok, 8, shuffle=True)
    val_dl, test_dl = make_loader(val, tok, 32, False), make_loader(test, tok, 32, False)

    opt = torch.optim.AdamW(model.parameters(), lr=3e-5, weight_decay=0.01)
    updates = (len(train_dl) // args.accum + 1) * args.epochs
    sched = get_cosine_schedule_with_warmup(opt, int(0.1 * updates), updates)

    best_f1, ckpt = -1.0, "ckpt/commit_intent_best.pt"
    os.makedirs("ckpt", exist_ok=True)
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad()
        for step, batch in enumerate(train_dl):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss / args.accum
            loss.backward()
            if (step + 1) % args.accum == 0 or step + 1 == len(train_dl):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                sched.step()
                opt.zero_grad()
        gold, pred = predict(model, val_dl, device)
        f1 = f1_score(gold, pred, average="macro")
        print(f"epoch {epoch + 1}: val macro-F1 {f1:.4f}")
        if f1 > best_f1:
            best_f1 = f1
            torch.save(model.state_dict(), ckpt)

    model.load_state_dict(torch.load(ckpt, map_location=device))
    gold, pred = predict(model, test_dl, device)
    print(classification_report(gold, pred, target_names=LABELS, digits=3))


if __name__ == "__main__":
    main()
