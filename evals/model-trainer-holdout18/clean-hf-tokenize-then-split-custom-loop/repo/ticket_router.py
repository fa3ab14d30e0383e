"""Route support tickets to a queue (billing / technical / account / shipping) with MiniLM.

Tokenisation uses the *pretrained* tokenizer (fixed vocabulary, nothing is fitted on
our tickets), so it is applied once to the whole dataset before splitting.
"""
import argparse
import json
import logging
import math
from pathlib import Path

import numpy as np
import torch
from datasets import ClassLabel, load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          get_cosine_schedule_with_warmup, set_seed)

log = logging.getLogger("router")
QUEUES = ["billing", "technical", "account", "shipping"]


def macro_scores(y, p):
    return {"acc": accuracy_score(y, p), "macro_f1": f1_score(y, p, average="macro")}


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, gold = [], []
    for batch in loader:
        labels = batch.pop("labels")
        logits = model(**{k: v.to(device) for k, v in batch.items()}).logits
        preds.append(logits.argmax(-1).cpu().numpy())
        gold.append(labels.numpy())
    return np.concatenate(gold), np.concatenate(preds)


def main(cfg):
    set_seed(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tok = AutoTokenizer.from_pretrained(cfg.model)

    ds = load_dataset("json", data_files=cfg.data, split="train")
    ds = ds.filter(lambda r: r["queue"] in QUEUES and len(r["body"].strip()) > 0)
    ds = ds.map(lambda r: {"labels": QUEUES.index(r["queue"])})
    ds = ds.cast_column("labels", ClassLabel(names=QUEUES))
    ds = ds.map(lambda b: tok(b["subject"], b["body"], truncation="only_second", max_length=cfg.max_len),
                batched=True)

    first = ds.train_test_split(test_size=0.2, seed=cfg.seed, stratify_by_column="labels")
    second = first["test"].train_test_split(test_size=0.5, seed=cfg.seed, stratify_by_column="labels")
    train_ds, val_ds, test_ds = first["train"], second["train"], second["test"]

    # baseline: TF-IDF + logistic regression, vectorizer fitted on the training split only
    text = lambda d: [s + " " + b for s, b in zip(d["subject"], d["body"])]
    tfidf = TfidfVectorizer(min_df=2, ngram_range=(1, 2), sublinear_tf=True)
    base = LogisticRegression(max_iter=2000, C=3.0).fit(tfidf.fit_transform(text(train_ds)), train_ds["labels"])
    log.info("baseline val %s", macro_scores(val_ds["labels"], base.predict(tfidf.transform(text(val_ds)))))

    keep = ["input_ids", "attention_mask", "token_type_ids", "labels"]
    to_torch = lambda d: d.remove_columns([c for c in d.column_names if c not in keep]).with_format("torch")
    collate = DataCollatorWithPadding(tok)
    train_dl = DataLoader(to_torch(train_ds), batch_size=cfg.bs, shuffle=True, collate_fn=collate,
                          generator=torch.Generator().manual_seed(cfg.seed))
    val_dl = DataLoader(to_torch(val_ds), batch_size=cfg.bs * 4, collate_fn=collate)
    test_dl = DataLoader(to_torch(test_ds), batch_size=cfg.bs * 4, collate_fn=collate)

    model = AutoModelForSequenceClassification.from_pretrained(cfg.model, num_labels=len(QUEUES)).to(device)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)], "weight_decay": 0.01},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=cfg.lr)
    total_steps = cfg.epochs * len(train_dl)
    scheduler = get_cosine_schedule_with_warmup(optimizer, math.ceil(0.05 * total_steps), total_steps)

    best_dir = Path(cfg.out) / "best"
    best_f1, bad_rounds = -1.0, 0
    for epoch in range(cfg.epochs):
        model.train()
        for batch in train_dl:
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
        y_val, p_val = predict(model, val_dl, device)
        val = macro_scores(y_val, p_val)
        log.info("epoch %d val %s", epoch, val)
        if val["macro_f1"] > best_f1:
            best_f1, bad_rounds = val["macro_f1"], 0
            model.save_pretrained(best_dir)
            tok.save_pretrained(best_dir)
        else:
            bad_rounds += 1
            if bad_rounds >= cfg.patience:
                break

    model = AutoModelForSequenceClassification.from_pretrained(best_dir).to(device)
    y_test, p_test = predict(model, test_dl, device)
    results = {"minilm": macro_scores(y_test, p_test),
               "tfidf_lr": macro_scores(test_ds["labels"], base.predict(tfidf.transform(text(test_ds)))),
               "best_val_macro_f1": best_f1}
    log.info("test %s", results)
    (Path(cfg.out) / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/tickets.jsonl")
    ap.add_argument("--model", default="microsoft/MiniLM-L12-H384-uncased")
    ap.add_argument("--max-len", type=int, default=256)
    ap.add_argument("--bs", type=int, default=32)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--patience", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--out", default="runs/ticket-router")
    main(ap.parse_args())
