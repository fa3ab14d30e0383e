"""Fine-tune bert-base-multilingual-cased on our labelled product reviews (3 classes: neg/neu/pos).

Usage: python finetune_bert.py --csv data/reviews_labelled.csv --epochs 3
"""
import argparse
import json
import os

import numpy as np
import torch
from datasets import load_dataset
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader
from tqdm.auto import tqdm
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, get_linear_schedule_with_warmup, set_seed)

LABELS = ["negative", "neutral", "positive"]


def get_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/reviews_labelled.csv")
    ap.add_argument("--model", default="bert-base-multilingual-cased")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--max-len", type=int, default=256)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default="models/review-bert")
    return ap.parse_args()


def main():
    args = get_args()
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    tokenizer = AutoTokenizer.from_pretrained(args.model)
    ds = load_dataset("csv", data_files=args.csv, split="train")
    ds = ds.map(lambda b: {"label": [LABELS.index(s) for s in b["sentiment"]]}, batched=True)
    ds = ds.map(lambda b: tokenizer(b["review_text"], truncation=True, max_length=args.max_len),
                batched=True, remove_columns=["review_text", "sentiment", "review_id"])
    ds = ds.rename_column("label", "labels")
    ds.set_format("torch")

    collate = DataCollatorWithPadding(tokenizer)
    loader = DataLoader(ds, batch_size=args.batch_size, shuffle=True, collate_fn=collate,
                        generator=torch.Generator().manual_seed(args.seed))

    model = AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=len(LABELS)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    total = len(loader) * args.epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.1 * total), total)

    for epoch in range(args.epochs):
        model.train()
        bar = tqdm(loader, desc=f"epoch {epoch}")
        for batch in bar:
            batch = {k: v.to(device) for k, v in batch.items()}
            optimizer.zero_grad()
            out = model(**batch)
            out.loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            bar.set_postfix(loss=f"{out.loss.item():.4f}")

    # final evaluation
    model.eval()
    preds, golds = [], []
    with torch.no_grad():
        for batch in DataLoader(ds, batch_size=64, collate_fn=collate):
            batch = {k: v.to(device) for k, v in batch.items()}
            preds.append(model(**batch).logits.argmax(-1).cpu().numpy())
            golds.append(batch["labels"].cpu().numpy())
    preds, golds = np.concatenate(preds), np.concatenate(golds)
    results = {"accuracy": accuracy_score(golds, preds),
               "macro_f1": f1_score(golds, preds, average="macro")}
    print(json.dumps(results, indent=2))

    os.makedirs(args.out, exist_ok=True)
    model.save_pretrained(args.out)
    tokenizer.save_pretrained(args.out)
    with open(os.path.join(args.out, "eval_results.json"), "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
