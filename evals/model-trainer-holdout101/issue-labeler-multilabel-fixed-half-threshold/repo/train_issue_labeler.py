"""Multi-label GitHub issue labeler (bug / enhancement / docs / question / performance / ci / good-first-issue).

Issues exported with scripts/export_issues.py into data/issues.jsonl; an issue can carry several labels.
"""
import json

import numpy as np
import pandas as pd
import torch
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, hamming_loss
from sklearn.model_selection import train_test_split
from sklearn.multiclass import OneVsRestClassifier
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

LABELS = ["bug", "enhancement", "docs", "question", "performance", "ci", "good-first-issue"]
SEED = 3
CKPT = "microsoft/deberta-v3-base"


def multi_hot(label_lists):
    return np.array([[float(l in labels) for l in LABELS] for labels in label_lists], dtype=np.float32)


def scores(y_true, probs):
    y_pred = (probs > 0.5).astype(int)
    return {
        "micro_f1": f1_score(y_true, y_pred, average="micro", zero_division=0),
        "macro_f1": f1_score(y_true, y_pred, average="macro", zero_division=0),
        "hamming": hamming_loss(y_true, y_pred),
    }


def main():
    set_seed(SEED)
    issues = pd.read_json("data/issues.jsonl", lines=True)
    issues = issues[issues["labels"].map(len) > 0].reset_index(drop=True)
    issues["text"] = issues["title"] + "\n" + issues["body"].fillna("").str.slice(0, 4000)
    y = multi_hot(issues["labels"])

    idx = np.arange(len(issues))
    train_idx, test_idx = train_test_split(idx, test_size=0.15, random_state=SEED)
    train_idx, val_idx = train_test_split(train_idx, test_size=0.15, random_state=SEED)

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=50000)
    ovr = OneVsRestClassifier(LogisticRegression(max_iter=2000, class_weight="balanced"))
    ovr.fit(vec.fit_transform(issues["text"].iloc[train_idx]), y[train_idx])
    base_probs = ovr.predict_proba(vec.transform(issues["text"].iloc[test_idx]))
    print("tfidf baseline:", scores(y[test_idx], base_probs))

    tok = AutoTokenizer.from_pretrained(CKPT)

    def make_ds(rows):
        ds = Dataset.from_dict({"text": issues["text"].iloc[rows].tolist(), "labels": y[rows].tolist()})
        return ds.map(lambda b: tok(b["text"], truncation=True, max_length=384), batched=True, remove_columns=["text"])

    train_ds, val_ds, test_ds = make_ds(train_idx), make_ds(val_idx), make_ds(test_idx)

    model = AutoModelForSequenceClassification.from_pretrained(
        CKPT,
        num_labels=len(LABELS),
        problem_type="multi_label_classification",
        id2label=dict(enumerate(LABELS)),
        label2id={l: i for i, l in enumerate(LABELS)},
    )
    args = TrainingArguments(
        output_dir="runs/issue-labeler",
        learning_rate=3e-5,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=32,
        num_train_epochs=8,
        warmup_ratio=0.1,
        weight_decay=0.01,
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="micro_f1",
        save_total_limit=2,
        seed=SEED,
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=lambda p: scores(p.label_ids, torch.sigmoid(torch.tensor(p.predictions)).numpy()),
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    out = trainer.predict(test_ds)
    test_scores = scores(out.label_ids, torch.sigmoid(torch.tensor(out.predictions)).numpy())
    print("test:", test_scores)
    trainer.save_model("models/issue-labeler")
    with open("models/issue-labeler/metrics.json", "w") as fh:
        json.dump({"test": test_scores, "threshold": 0.5}, fh, indent=2)


if __name__ == "__main__":
    main()
