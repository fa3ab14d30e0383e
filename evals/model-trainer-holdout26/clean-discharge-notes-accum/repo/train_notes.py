"""Primary-diagnosis chapter (8 classes) from discharge summaries with a clinical BERT encoder.

Plain PyTorch loop with gradient accumulation (effective batch = micro_batch * accum_steps).
"""
import argparse
import json
import logging
import os
import random

import numpy as np
import pandas as pd
import torch
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, Dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

LOG = logging.getLogger("notes")


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class Notes(Dataset):
    def __init__(self, frame, tokenizer, max_len):
        self.enc = tokenizer(list(frame["text"]), truncation=True, max_length=max_len, padding="max_length",
                             return_tensors="pt")
        self.labels = torch.tensor(frame["chapter_id"].to_numpy())

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return {"input_ids": self.enc["input_ids"][i], "attention_mask": self.enc["attention_mask"][i],
                "labels": self.labels[i]}


def patient_splits(df, seed):
    sgkf = StratifiedGroupKFold(n_splits=10, shuffle=True, random_state=seed)
    folds = list(sgkf.split(df, df["chapter_id"], groups=df["patient_id"]))
    test_idx, val_idx = folds[0][1], folds[1][1]
    taken = set(test_idx) | set(val_idx)
    train_idx = np.array([i for i in range(len(df)) if i not in taken])
    return df.iloc[train_idx], df.iloc[val_idx], df.iloc[test_idx]


def run_eval(model, loader, device):
    model.eval()
    preds, gold = [], []
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits
            preds.append(logits.argmax(-1).cpu())
            gold.append(batch["labels"].cpu())
    p, g = torch.cat(preds).numpy(), torch.cat(gold).numpy()
    return {"macro_f1": f1_score(g, p, average="macro"), "micro_f1": f1_score(g, p, average="micro")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", default="data/discharge_notes.parquet")
    ap.add_argument("--encoder", default="emilyalsentzer/Bio_ClinicalBERT")
    ap.add_argument("--max-len", type=int, default=512)
    ap.add_argument("--micro-batch", type=int, default=8)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--patience", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--ckpt-dir", default="ckpt/notes")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    seed_all(args.seed)
    os.makedirs(args.ckpt_dir, exist_ok=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_parquet(args.notes)
    train_df, val_df, test_df = patient_splits(df, args.seed)
    n_classes = df["chapter_id"].nunique()

    # reference model on the same splits
    tfidf = TfidfVectorizer(max_features=50000, ngram_range=(1, 2), sublinear_tf=True, min_df=3)
    lr = LogisticRegression(C=5.0, max_iter=3000, class_weight="balanced")
    lr.fit(tfidf.fit_transform(train_df["text"]), train_df["chapter_id"])

    tok = AutoTokenizer.from_pretrained(args.encoder)
    train_dl = DataLoader(Notes(train_df, tok, args.max_len), batch_size=args.micro_batch, shuffle=True)
    val_dl = DataLoader(Notes(val_df, tok, args.max_len), batch_size=32)
    test_dl = DataLoader(Notes(test_df, tok, args.max_len), batch_size=32)

    model = AutoModelForSequenceClassification.from_pretrained(args.encoder, num_labels=n_classes).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    total_updates = args.epochs * (len(train_dl) // args.accum_steps)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.1 * total_updates), total_updates)

    best, bad = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        for step, batch in enumerate(train_dl, start=1):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss / args.accum_steps
            loss.backward()
            if step % args.accum_steps == 0 or step == len(train_dl):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad()
        val = run_eval(model, val_dl, device)
        LOG.info("epoch %d val %s", epoch, val)
        if val["macro_f1"] > best:
            best, bad = val["macro_f1"], 0
            model.save_pretrained(args.ckpt_dir)
            tok.save_pretrained(args.ckpt_dir)
        else:
            bad += 1
            if bad >= args.patience:
                LOG.info("stopping early after epoch %d", epoch)
                break

    model = AutoModelForSequenceClassification.from_pretrained(args.ckpt_dir).to(device)
    test_bert = run_eval(model, test_dl, device)
    lr_pred = lr.predict(tfidf.transform(test_df["text"]))
    test_lr = {"macro_f1": f1_score(test_df["chapter_id"], lr_pred, average="macro"),
               "micro_f1": f1_score(test_df["chapter_id"], lr_pred, average="micro")}
    LOG.info("TEST clinicalbert=%s tfidf_lr=%s", test_bert, test_lr)
    with open(os.path.join(args.ckpt_dir, "test_metrics.json"), "w") as fh:
        json.dump({"clinicalbert": test_bert, "tfidf_lr": test_lr, "best_val_macro_f1": best}, fh, indent=2)


if __name__ == "__main__":
    main()
