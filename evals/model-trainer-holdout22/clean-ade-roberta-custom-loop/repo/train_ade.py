"""Adverse-drug-event sentence detection: fine-tune RoBERTa with a plain PyTorch loop.

Gradient accumulation, linear warmup, val-AP early stopping, threshold from validation, test once.
"""
import argparse
import json
import os

import numpy as np
import torch
import wandb
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from torch.utils.data import DataLoader
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    get_linear_schedule_with_warmup,
    set_seed,
)

from src.ade.data import SentenceSet, load_splits
from src.ade.metrics import binary_report, pick_threshold

MODEL = "roberta-base"
REVISION = "e2da8e2f811d1448a5b465c236feacd80ffbac7b"  # Hub commit of the weights we benchmarked


def probs(model, loader, device):
    model.eval()
    out = []
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items() if k != "labels"}
            out.append(torch.softmax(model(**batch).logits, -1)[:, 1].cpu())
    return torch.cat(out).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/ade_sentences.csv")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--accum", type=int, default=2)
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--patience", type=int, default=2)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--out", default="runs/roberta-ade")
    args = ap.parse_args()
    set_seed(args.seed)
    wandb.login(key=os.environ["WANDB_API_KEY"])
    run = wandb.init(project="ade-detection", config=vars(args))
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_df, val_df, test_df = load_splits(args.data, args.seed)
    tok = AutoTokenizer.from_pretrained(MODEL, revision=REVISION)
    collate = DataCollatorWithPadding(tok)
    train_dl = DataLoader(SentenceSet(train_df, tok, 128), args.batch, shuffle=True, collate_fn=collate)
    val_dl = DataLoader(SentenceSet(val_df, tok, 128), 64, collate_fn=collate)
    test_dl = DataLoader(SentenceSet(test_df, tok, 128), 64, collate_fn=collate)

    model = AutoModelForSequenceClassification.from_pretrained(MODEL, revision=REVISION, num_labels=2).to(device)
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    total_updates = args.epochs * (len(train_dl) // args.accum)
    sched = get_linear_schedule_with_warmup(optim, int(0.1 * total_updates), total_updates)

    best_ap, bad = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        for i, batch in enumerate(train_dl):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss / args.accum
            loss.backward()
            if (i + 1) % args.accum == 0 or (i + 1) == len(train_dl):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optim.step()
                sched.step()
                optim.zero_grad()
        val_p = probs(model, val_dl, device)
        val_metrics = binary_report(val_df.label.to_numpy(), val_p, 0.5)
        run.log({"epoch": epoch, **{f"val/{k}": v for k, v in val_metrics.items()}})
        if val_metrics["avg_precision"] > best_ap:
            best_ap, bad = val_metrics["avg_precision"], 0
            model.save_pretrained(args.out)
            tok.save_pretrained(args.out)
        else:
            bad += 1
            if bad >= args.patience:
                break

    model = AutoModelForSequenceClassification.from_pretrained(args.out).to(device)
    thr = pick_threshold(val_df.label.to_numpy(), probs(model, val_dl, device))

    tfidf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2), LogisticRegression(C=2.0, max_iter=2000))
    tfidf.fit(train_df.text, train_df.label)
    tfidf_thr = pick_threshold(val_df.label.to_numpy(), tfidf.predict_proba(val_df.text)[:, 1])

    y_test = test_df.label.to_numpy()
    report = {
        "roberta": binary_report(y_test, probs(model, test_dl, device), thr),
        "tfidf_logreg": binary_report(y_test, tfidf.predict_proba(test_df.text)[:, 1], tfidf_thr),
    }
    run.summary.update({f"test/{m}/{k}": v for m, r in report.items() for k, v in r.items()})
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
