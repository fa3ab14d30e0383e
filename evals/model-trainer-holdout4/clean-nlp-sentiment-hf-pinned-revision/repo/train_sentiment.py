"""Hotel-review sentiment (1-5 stars -> neg/neu/pos) with a pinned multilingual checkpoint.

Credentials come from the environment (HF_TOKEN, WANDB_API_KEY); nothing secret lives in this file.
"""
import argparse
import json
import os

import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

MODEL_ID = "cardiffnlp/twitter-xlm-roberta-base-sentiment"
MODEL_REVISION = "8a67639f74080f56c5aa328f676226e236a23e23"   # git commit of the hub repo we validated
LABELS = ["negative", "neutral", "positive"]


def stars_to_label(stars):
    return 0 if stars <= 2 else (1 if stars == 3 else 2)


def metrics_fn(eval_pred):
    logits, y = eval_pred
    pred = logits.argmax(-1)
    return {"accuracy": accuracy_score(y, pred), "macro_f1": f1_score(y, pred, average="macro")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/hotel_reviews.csv")
    ap.add_argument("--seed", type=int, default=123)
    ap.add_argument("--out", default="runs/hotel-sentiment")
    args = ap.parse_args()
    set_seed(args.seed)
    os.environ.setdefault("WANDB_PROJECT", "hotel-sentiment")
    hf_token = os.environ.get("HF_TOKEN")

    df = pd.read_csv(args.csv).dropna(subset=["review", "stars"]).drop_duplicates("review")
    df["label"] = df["stars"].astype(int).map(stars_to_label)
    train_df, rest = train_test_split(df, test_size=0.3, stratify=df["label"], random_state=args.seed)
    val_df, test_df = train_test_split(rest, test_size=0.5, stratify=rest["label"], random_state=args.seed)

    # classical baseline, fitted on the training split only
    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
    base = LogisticRegression(max_iter=3000, C=4.0, class_weight="balanced")
    base.fit(tfidf.fit_transform(train_df["review"]), train_df["label"])
    base_pred = base.predict(tfidf.transform(test_df["review"]))

    tok = AutoTokenizer.from_pretrained(MODEL_ID, revision=MODEL_REVISION, token=hf_token)
    enc = lambda b: tok(b["review"], truncation=True, max_length=320)
    splits = {name: Dataset.from_pandas(part[["review", "label"]], preserve_index=False).map(enc, batched=True)
              for name, part in (("train", train_df), ("val", val_df), ("test", test_df))}

    model = AutoModelForSequenceClassification.from_pretrained(
        MODEL_ID, revision=MODEL_REVISION, token=hf_token, num_labels=3, ignore_mismatched_sizes=True)
    targs = TrainingArguments(
        output_dir=args.out, learning_rate=2e-5, num_train_epochs=6, per_device_train_batch_size=16,
        per_device_eval_batch_size=64, warmup_ratio=0.1, weight_decay=0.01,
        evaluation_strategy="epoch", save_strategy="epoch", save_total_limit=2,
        load_best_model_at_end=True, metric_for_best_model="macro_f1", greater_is_better=True,
        seed=args.seed, report_to=["wandb"],
    )
    trainer = Trainer(model=model, args=targs, train_dataset=splits["train"], eval_dataset=splits["val"],
                      tokenizer=tok, data_collator=DataCollatorWithPadding(tok), compute_metrics=metrics_fn,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=2)])
    trainer.train()
    trainer.save_model(os.path.join(args.out, "best"))

    test_out = trainer.predict(splits["test"])
    test_pred = test_out.predictions.argmax(-1)
    y_test = test_df["label"].to_numpy()
    summary = {
        "transformer": {"accuracy": accuracy_score(y_test, test_pred), "macro_f1": f1_score(y_test, test_pred, average="macro")},
        "tfidf_logreg": {"accuracy": accuracy_score(y_test, base_pred), "macro_f1": f1_score(y_test, base_pred, average="macro")},
    }
    print(json.dumps(summary, indent=2))
    print(classification_report(y_test, test_pred, target_names=LABELS, digits=3))


if __name__ == "__main__":
    main()
