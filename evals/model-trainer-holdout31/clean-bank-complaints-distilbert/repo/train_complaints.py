"""Route consumer-finance complaints to product teams (9 classes) with DistilBERT.

Split: 80/10/10 stratified by product. Validation drives early stopping and the best checkpoint;
the test split is predicted once after training. A TF-IDF + logistic regression model trained on
the same training split is the baseline.
"""
import argparse
import json
import logging
import os

import numpy as np
import pandas as pd
from datasets import ClassLabel, Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

log = logging.getLogger("complaints")
CHECKPOINT = "distilbert-base-uncased"


def metrics_from_preds(y_true, y_pred):
    return {
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
        "weighted_f1": f1_score(y_true, y_pred, average="weighted"),
        "accuracy": accuracy_score(y_true, y_pred),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/complaints_narratives.csv")
    ap.add_argument("--out", default="runs/distilbert-complaints")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--seed", type=int, default=4242)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    set_seed(args.seed)

    df = pd.read_csv(args.data, usecols=["narrative", "product"]).dropna()
    classes = sorted(df["product"].unique())
    ds = Dataset.from_pandas(df.rename(columns={"narrative": "text", "product": "label"}), preserve_index=False)
    ds = ds.cast_column("label", ClassLabel(names=classes))

    # The pretrained tokenizer has a fixed vocabulary, so tokenising before splitting is just a map.
    tok = AutoTokenizer.from_pretrained(CHECKPOINT)
    ds = ds.map(lambda b: tok(b["text"], truncation=True, max_length=384), batched=True)

    first = ds.train_test_split(test_size=0.2, stratify_by_column="label", seed=args.seed)
    second = first["test"].train_test_split(test_size=0.5, stratify_by_column="label", seed=args.seed)
    train_ds, val_ds, test_ds = first["train"], second["train"], second["test"]
    log.info("train %d / val %d / test %d", len(train_ds), len(val_ds), len(test_ds))

    baseline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=200_000, sublinear_tf=True),
                             LogisticRegression(C=2.0, max_iter=2000, class_weight="balanced"))
    baseline.fit(train_ds["text"], train_ds["label"])

    model = AutoModelForSequenceClassification.from_pretrained(
        CHECKPOINT, num_labels=len(classes), id2label=dict(enumerate(classes)),
        label2id={c: i for i, c in enumerate(classes)})

    training_args = TrainingArguments(
        output_dir=args.out,
        num_train_epochs=args.epochs,
        learning_rate=4e-5,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=128,
        warmup_ratio=0.1,
        weight_decay=0.01,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=args.seed,
        report_to=["wandb"] if os.environ.get("WANDB_API_KEY") else [],
        push_to_hub=bool(os.environ.get("HF_TOKEN")),
        hub_token=os.environ.get("HF_TOKEN"),
    )
    trainer = Trainer(
        model=model,
        args=training_args,
        train_dataset=train_ds.remove_columns(["text"]),
        eval_dataset=val_ds.remove_columns(["text"]),
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=lambda p: metrics_from_preds(p.label_ids, p.predictions.argmax(-1)),
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    test_logits = trainer.predict(test_ds.remove_columns(["text"])).predictions
    report = {
        "tfidf_logreg": metrics_from_preds(test_ds["label"], baseline.predict(test_ds["text"])),
        "distilbert": metrics_from_preds(test_ds["label"], np.argmax(test_logits, axis=-1)),
    }
    log.info(json.dumps(report, indent=2))
    with open(os.path.join(args.out, "test_report.json"), "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main()
