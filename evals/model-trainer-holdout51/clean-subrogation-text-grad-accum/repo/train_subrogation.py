"""Subrogation-opportunity classifier over motor claim loss descriptions.

Custom loop with gradient accumulation so the effective batch is 64 on a 16GB card.
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup, set_seed


def batches(df, tokenizer, batch_size, shuffle):
    records = list(zip(df["loss_description"], df["subro_recovered"]))

    def collate(items):
        texts, labels = zip(*items)
        enc = tokenizer(list(texts), truncation=True, max_length=256, padding=True, return_tensors="pt")
        enc["labels"] = torch.tensor(labels, dtype=torch.long)
        return enc

    return DataLoader(records, batch_size=batch_size, shuffle=shuffle, collate_fn=collate)


@torch.no_grad()
def predict_proba(model, loader, device):
    model.eval()
    out = []
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        out.append(torch.softmax(model(**batch).logits, dim=-1)[:, 1].cpu().numpy())
    return np.concatenate(out)


def main(a):
    set_seed(a.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    df = pd.read_csv(a.data).dropna(subset=["loss_description"])
    train, test = train_test_split(df, test_size=0.15, stratify=df["subro_recovered"], random_state=a.seed)
    train, val = train_test_split(train, test_size=0.15, stratify=train["subro_recovered"], random_state=a.seed)

    tok = AutoTokenizer.from_pretrained(a.model_name)
    model = AutoModelForSequenceClassification.from_pretrained(a.model_name, num_labels=2).to(device)
    train_dl = batches(train, tok, a.micro_batch, shuffle=True)
    val_dl, test_dl = batches(val, tok, 64, shuffle=False), batches(test, tok, 64, shuffle=False)

    optimizer = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.01)
    steps = a.epochs * len(train_dl) // a.accum
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.06 * steps), steps)

    best_ap, stale = -1.0, 0
    for epoch in range(a.epochs):
        model.train()
        optimizer.zero_grad()
        for step, batch in enumerate(train_dl):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss / a.accum
            loss.backward()
            if (step + 1) % a.accum == 0 or step + 1 == len(train_dl):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad()

        val_ap = average_precision_score(val["subro_recovered"], predict_proba(model, val_dl, device))
        print(f"epoch {epoch}: val PR-AUC {val_ap:.4f}")
        if val_ap > best_ap:
            best_ap, stale = val_ap, 0
            model.save_pretrained(a.out)
            tok.save_pretrained(a.out)
        else:
            stale += 1
            if stale >= a.patience:
                break

    model = AutoModelForSequenceClassification.from_pretrained(a.out).to(device)
    prec, rec, thr = precision_recall_curve(val["subro_recovered"], predict_proba(model, val_dl, device))
    f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    threshold = thr[np.argmax(f1s)]

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
    base = LogisticRegression(max_iter=3000, class_weight="balanced")
    base.fit(tfidf.fit_transform(train["loss_description"]), train["subro_recovered"])
    p_base = base.predict_proba(tfidf.transform(test["loss_description"]))[:, 1]

    y = test["subro_recovered"].to_numpy()
    p = predict_proba(model, test_dl, device)
    print(f"tfidf-logit  ROC-AUC {roc_auc_score(y, p_base):.3f}  PR-AUC {average_precision_score(y, p_base):.3f}")
    print(f"transformer  ROC-AUC {roc_auc_score(y, p):.3f}  PR-AUC {average_precision_score(y, p):.3f}  "
          f"F1@{threshold:.2f} {f1_score(y, p >= threshold):.3f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/motor_loss_descriptions.csv")
    ap.add_argument("--model-name", default="distilbert-base-uncased")
    ap.add_argument("--out", default=str(Path("checkpoints") / "subro-distilbert"))
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--micro-batch", type=int, default=16)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--patience", type=int, default=2)
    ap.add_argument("--seed", type=int, default=19)
    main(ap.parse_args())
