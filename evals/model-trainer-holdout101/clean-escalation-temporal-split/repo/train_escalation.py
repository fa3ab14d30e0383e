"""Predict whether a support ticket will be escalated to tier 2, from its first customer message.

Splits are by ticket creation time so evaluation matches deployment (train on the past, score the future):
    train      < 2024-01-01
    validation 2024-01-01 .. 2024-03-31
    test       2024-04-01 .. 2024-06-30
"""
import json

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from datasets import Dataset
from scipy.special import softmax
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

SEED = 64
CKPT = "microsoft/mdeberta-v3-base"
VAL_START, TEST_START, TEST_END = "2024-01-01", "2024-04-01", "2024-07-01"


def temporal_splits(df):
    df = df.sort_values("created_at")
    train = df[df["created_at"] < VAL_START]
    val = df[(df["created_at"] >= VAL_START) & (df["created_at"] < TEST_START)]
    test = df[(df["created_at"] >= TEST_START) & (df["created_at"] < TEST_END)]
    return train, val, test


def best_f1_threshold(y, p):
    grid = np.linspace(0.02, 0.98, 97)
    return float(grid[np.argmax([f1_score(y, p >= t) for t in grid])])


def summary(y, p, thr):
    return {"pr_auc": average_precision_score(y, p), "roc_auc": roc_auc_score(y, p),
            "f1_at_val_threshold": f1_score(y, p >= thr), "threshold": thr}


def main():
    set_seed(SEED)
    tickets = pd.read_parquet("data/tickets_first_message.parquet")
    tickets["created_at"] = pd.to_datetime(tickets["created_at"])
    tickets["label"] = tickets["escalated"].astype(int)
    train, val, test = temporal_splits(tickets)
    for name, part in [("train", train), ("val", val), ("test", test)]:
        print(f"{name}: {len(part)} rows, {part['label'].mean():.3f} escalated, "
              f"{part['created_at'].min():%Y-%m-%d}..{part['created_at'].max():%Y-%m-%d}")

    cb = CatBoostClassifier(iterations=2000, learning_rate=0.05, depth=6, eval_metric="PRAUC",
                            early_stopping_rounds=100, random_seed=SEED, verbose=200)
    cols = ["message", "channel", "product"]
    pool = lambda d: Pool(d[cols], d["label"], text_features=["message"], cat_features=["channel", "product"])
    cb.fit(pool(train), eval_set=pool(val))
    cb_thr = best_f1_threshold(val["label"].values, cb.predict_proba(pool(val))[:, 1])
    cb_test = summary(test["label"].values, cb.predict_proba(pool(test))[:, 1], cb_thr)

    tokenizer = AutoTokenizer.from_pretrained(CKPT)

    def to_ds(d):
        ds = Dataset.from_pandas(d[["message", "label"]], preserve_index=False)
        return ds.map(lambda b: tokenizer(b["message"], truncation=True, max_length=256), batched=True,
                      remove_columns=["message"])

    train_ds, val_ds, test_ds = to_ds(train), to_ds(val), to_ds(test)
    model = AutoModelForSequenceClassification.from_pretrained(CKPT, num_labels=2)
    args = TrainingArguments(
        output_dir="runs/escalation-mdeberta",
        learning_rate=2e-5,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=64,
        num_train_epochs=4,
        warmup_ratio=0.1,
        weight_decay=0.01,
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="pr_auc",
        save_total_limit=2,
        seed=SEED,
        report_to="none",
    )
    trainer = Trainer(
        model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds, tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=lambda p: {"pr_auc": average_precision_score(p.label_ids, softmax(p.predictions, -1)[:, 1])},
        callbacks=[EarlyStoppingCallback(early_stopping_patience=1)],
    )
    trainer.train()

    val_p = softmax(trainer.predict(val_ds).predictions, -1)[:, 1]
    thr = best_f1_threshold(val["label"].values, val_p)
    test_p = softmax(trainer.predict(test_ds).predictions, -1)[:, 1]
    results = {"mdeberta": summary(test["label"].values, test_p, thr), "catboost_text": cb_test}
    print(json.dumps(results, indent=2))
    trainer.save_model("models/escalation-mdeberta")
    with open("models/escalation-mdeberta/results.json", "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
