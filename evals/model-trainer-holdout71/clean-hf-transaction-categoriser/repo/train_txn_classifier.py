"""Open-banking transaction categoriser for affordability checks.

Fine-tunes a small BERT on bank-statement descriptions (e.g. "TFL TRAVEL CH",
"KLARNA*ORDER 2231") so that income, committed spend and high-risk spend
(gambling, payday lenders) can be aggregated for underwriting.
"""
import json
import os

import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

SEED = 3407
BASE_MODEL = "distilbert-base-uncased"
HUB_REPO = "acme-credit/txn-categoriser-distilbert"


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = logits.argmax(-1)
    return {"accuracy": accuracy_score(labels, preds),
            "macro_f1": f1_score(labels, preds, average="macro"),
            "weighted_f1": f1_score(labels, preds, average="weighted")}


def main():
    set_seed(SEED)
    hf_token = os.environ.get("HF_TOKEN")
    labels = json.load(open("labels.json"))
    label2id = {l: i for i, l in enumerate(labels)}

    txns = pd.read_csv("data/labelled_transactions.csv").dropna(subset=["description", "category"])
    txns = txns[txns["category"].isin(labels)].copy()
    txns["text"] = txns["description"].str.upper().str.replace(r"\d{4,}", "#", regex=True)
    txns["label"] = txns["category"].map(label2id)

    train_df, test_df = train_test_split(txns, test_size=0.15, stratify=txns["label"], random_state=SEED)
    train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["label"], random_state=SEED)

    tfidf = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True)
    baseline = LogisticRegression(max_iter=3000, C=5.0)
    baseline.fit(tfidf.fit_transform(train_df["text"]), train_df["label"])
    base_pred = baseline.predict(tfidf.transform(test_df["text"]))

    tok = AutoTokenizer.from_pretrained(BASE_MODEL)
    def encode(df):
        ds = Dataset.from_pandas(df[["text", "label"]].reset_index(drop=True))
        return ds.map(lambda b: tok(b["text"], truncation=True, max_length=48), batched=True)
    train_ds, val_ds, test_ds = encode(train_df), encode(val_df), encode(test_df)

    model = AutoModelForSequenceClassification.from_pretrained(
        BASE_MODEL, num_labels=len(labels), id2label=dict(enumerate(labels)), label2id=label2id)

    args = TrainingArguments(
        output_dir="runs/txn-distilbert",
        evaluation_strategy="epoch",
        save_strategy="epoch",
        learning_rate=3e-5,
        per_device_train_batch_size=64,
        per_device_eval_batch_size=256,
        num_train_epochs=10,
        weight_decay=0.01,
        warmup_ratio=0.06,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        seed=SEED,
        report_to="none",
        push_to_hub=hf_token is not None,
        hub_model_id=HUB_REPO,
        hub_token=hf_token,
        hub_private_repo=True,
    )
    trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds,
                      tokenizer=tok, data_collator=DataCollatorWithPadding(tok),
                      compute_metrics=compute_metrics,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=2)])
    trainer.train()

    test_out = trainer.predict(test_ds)
    report = {
        "tfidf_logreg": {"accuracy": accuracy_score(test_df["label"], base_pred),
                         "macro_f1": f1_score(test_df["label"], base_pred, average="macro")},
        "distilbert": {k.replace("test_", ""): v for k, v in test_out.metrics.items()
                       if k in ("test_accuracy", "test_macro_f1", "test_weighted_f1")},
    }
    print(json.dumps(report, indent=2, default=float))
    per_class = f1_score(test_out.label_ids, np.argmax(test_out.predictions, -1), average=None)
    print(pd.Series(per_class, index=labels).round(3).sort_values().to_string())

    if hf_token:
        trainer.push_to_hub(commit_message="txn categoriser: best val macro-F1 checkpoint")


if __name__ == "__main__":
    main()
