"""Sentence-role classification on PubMed 200k RCT (BACKGROUND / OBJECTIVE / METHODS / RESULTS / CONCLUSIONS)
with SciBERT, official train/dev/test files.

python finetune.py --data-dir data/PubMed_200k_RCT --accum 8 --epochs 2
"""
import argparse
import os
import random

import numpy as np
import torch
from sklearn.metrics import classification_report, f1_score
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_cosine_schedule_with_warmup

LABELS = ["BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"]


def seed_everything(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def read_rct(path):
    """Each abstract starts with ###<pmid>; lines are LABEL\\tsentence."""
    rows = []
    with open(path) as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("###"):
                continue
            label, sent = line.split("\t", 1)
            rows.append((sent, LABELS.index(label)))
    return rows


def make_loader(rows, tok, batch_size, shuffle, max_len=128):
    def collate(batch):
        enc = tok([s for s, _ in batch], padding=True, truncation=True, max_length=max_len, return_tensors="pt")
        enc["labels"] = torch.tensor([l for _, l in batch])
        return enc
    return DataLoader(rows, batch_size=batch_size, shuffle=shuffle, collate_fn=collate, num_workers=2)


def evaluate(model, loader, device):
    model.eval()
    preds, golds = [], []
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=device.type == "cuda"):
                logits = model(**batch).logits
            preds += logits.argmax(-1).tolist()
            golds += batch["labels"].tolist()
    return golds, preds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="data/PubMed_200k_RCT")
    ap.add_argument("--model", default="allenai/scibert_scivocab_uncased")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--accum", type=int, default=8)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", default="ckpt/scibert-rct")
    args = ap.parse_args()

    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tok = AutoTokenizer.from_pretrained(args.model)
    train_dl = make_loader(read_rct(os.path.join(args.data_dir, "train.txt")), tok, args.batch_size, True)
    dev_dl = make_loader(read_rct(os.path.join(args.data_dir, "dev.txt")), tok, 256, False)
    test_dl = make_loader(read_rct(os.path.join(args.data_dir, "test.txt")), tok, 256, False)

    model = AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=len(LABELS)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    n_updates = args.epochs * (len(train_dl) // args.accum)
    sched = get_cosine_schedule_with_warmup(opt, int(0.05 * n_updates), n_updates)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

    best = -1.0
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, batch in enumerate(train_dl, start=1):
            batch = {k: v.to(device) for k, v in batch.items()}
            with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=device.type == "cuda"):
                loss = model(**batch).loss / args.accum
            scaler.scale(loss).backward()
            if step % args.accum == 0:
                scaler.unscale_(opt)
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                scaler.step(opt)
                scaler.update()
                opt.zero_grad(set_to_none=True)
                sched.step()
            if step % (200 * args.accum) == 0:
                print(f"epoch {epoch} step {step} loss {loss.item() * args.accum:.4f}")

        g, p = evaluate(model, dev_dl, device)
        dev_f1 = f1_score(g, p, average="weighted")
        print(f"epoch {epoch}: dev weighted-F1 {dev_f1:.4f}")
        if dev_f1 > best:
            best = dev_f1
            model.save_pretrained(args.out)
            tok.save_pretrained(args.out)

    model = AutoModelForSequenceClassification.from_pretrained(args.out).to(device)
    g, p = evaluate(model, test_dl, device)
    print(classification_report(g, p, target_names=LABELS, digits=4))


if __name__ == "__main__":
    main()
