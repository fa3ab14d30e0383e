"""Fine-tune DeBERTa-v3 for contract clause classification.

    python -m clauses.train --config configs/clauses.yaml
"""
from __future__ import annotations

import argparse
import json
import math
import os
from pathlib import Path

import pandas as pd
import torch
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from torch.utils.data import DataLoader
from transformers import (
    AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
    get_linear_schedule_with_warmup, set_seed,
)

from clauses.engine import evaluate, train_one_epoch


def to_records(frame: pd.DataFrame, tokenizer, max_length: int) -> list[dict]:
    enc = tokenizer(frame["text"].tolist(), truncation=True, max_length=max_length)
    return [{**{k: enc[k][i] for k in enc}, "labels": int(lbl)} for i, lbl in enumerate(frame["label_id"])]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=Path, default=Path("configs/clauses.yaml"))
    cfg = yaml.safe_load(parser.parse_args().config.read_text())
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    hf_token = os.environ.get("HF_TOKEN")

    df = pd.read_parquet(cfg["data_path"])
    labels = sorted(df["clause_type"].unique())
    df["label_id"] = df["clause_type"].map({l: i for i, l in enumerate(labels)})
    holdout = cfg["test_size"] + cfg["val_size"]
    train_df, rest = train_test_split(df, test_size=holdout, stratify=df["label_id"], random_state=cfg["seed"])
    val_df, test_df = train_test_split(rest, test_size=cfg["test_size"] / holdout,
                                       stratify=rest["label_id"], random_state=cfg["seed"])

    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"], token=hf_token)
    collate = DataCollatorWithPadding(tokenizer)
    bs = cfg["per_device_batch_size"]
    train_dl = DataLoader(to_records(train_df, tokenizer, cfg["max_length"]), batch_size=bs, shuffle=True, collate_fn=collate)
    val_dl = DataLoader(to_records(val_df, tokenizer, cfg["max_length"]), batch_size=bs * 4, collate_fn=collate)
    test_dl = DataLoader(to_records(test_df, tokenizer, cfg["max_length"]), batch_size=bs * 4, collate_fn=collate)

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], num_labels=len(labels), token=hf_token,
        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)},
    ).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    steps = math.ceil(len(train_dl) / cfg["grad_accum_steps"]) * cfg["epochs"]
    scheduler = get_linear_schedule_with_warmup(optimizer, int(cfg["warmup_ratio"] * steps), steps)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

    out_dir = Path(cfg["output_dir"])
    best, stale, history = -1.0, 0, []
    for epoch in range(cfg["epochs"]):
        train_loss = train_one_epoch(model, train_dl, optimizer, scheduler, scaler, device, cfg["grad_accum_steps"])
        val = evaluate(model, val_dl, device)
        history.append({"epoch": epoch, "train_loss": train_loss, **{f"val_{k}": v for k, v in val.items()}})
        print(history[-1])
        if val["macro_f1"] > best:
            best, stale = val["macro_f1"], 0
            model.save_pretrained(out_dir)
            tokenizer.save_pretrained(out_dir)
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model = AutoModelForSequenceClassification.from_pretrained(out_dir).to(device)
    test = evaluate(model, test_dl, device)

    baseline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                             LogisticRegression(max_iter=3000, C=2.0))
    baseline.fit(train_df["text"], train_df["label_id"])
    base_pred = baseline.predict(test_df["text"])
    test["tfidf_macro_f1"] = float(f1_score(test_df["label_id"], base_pred, average="macro"))
    test["tfidf_micro_f1"] = float(f1_score(test_df["label_id"], base_pred, average="micro"))

    (out_dir / "metrics.json").write_text(json.dumps({"history": history, "test": test}, indent=2))
    print(json.dumps(test, indent=2))


if __name__ == "__main__":
    main()
