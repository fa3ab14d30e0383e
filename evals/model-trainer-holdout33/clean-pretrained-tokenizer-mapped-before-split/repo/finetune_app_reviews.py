"""App-store review triage: bug report / feature request / praise / other.

Tokenisation uses the frozen pretrained WordPiece tokenizer, so it is applied once to the whole
table before splitting (it is a per-example, stateless lookup; nothing is learned from our data).
"""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
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

log = logging.getLogger("appreviews")
CHECKPOINT = "bert-base-uncased"


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = logits.argmax(-1)
    return {"accuracy": accuracy_score(labels, preds), "macro_f1": f1_score(labels, preds, average="macro")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/app_reviews_labelled.csv")
    ap.add_argument("--out", default="runs/bert-appreviews")
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=2e-5)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    set_seed(args.seed)

    frame = pd.read_csv(args.csv).dropna(subset=["review", "category"])
    frame = frame.drop_duplicates(subset="review")
    ds = Dataset.from_pandas(frame[["review", "category"]].rename(columns={"category": "label"}),
                             preserve_index=False)
    ds = ds.class_encode_column("label")
    label_names = ds.features["label"].names

    tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
    ds = ds.map(lambda b: tokenizer(b["review"], truncation=True, max_length=160), batched=True)

    first = ds.train_test_split(test_size=0.2, seed=args.seed, stratify_by_column="label")
    second = first["test"].train_test_split(test_size=0.5, seed=args.seed, stratify_by_column="label")
    train_ds, val_ds, test_ds = first["train"], second["train"], second["test"]
    log.info("train %d / val %d / test %d", len(train_ds), len(val_ds), len(test_ds))

    # classical baseline on the same split: vectoriser fitted on the training reviews only
    baseline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                             LogisticRegression(C=5.0, max_iter=2000, class_weight="balanced"))
    baseline.fit(train_ds["review"], train_ds["label"])
    base_val = compute_metrics((np.eye(len(label_names))[baseline.predict(val_ds["review"])], np.array(val_ds["label"])))
    log.info("tf-idf baseline on val: %s", base_val)

    model = AutoModelForSequenceClassification.from_pretrained(
        CHECKPOINT, num_labels=len(label_names),
        id2label=dict(enumerate(label_names)), label2id={n: i for i, n in enumerate(label_names)},
    )
    training_args = TrainingArguments(
        output_dir=args.out,
        learning_rate=args.lr,
        num_train_epochs=args.epochs,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        weight_decay=0.01,
        warmup_ratio=0.1,
        eval_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=args.seed,
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=training_args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    # one look at the test split, with the checkpoint chosen on validation
    test_out = trainer.predict(test_ds)
    test_pred = test_out.predictions.argmax(-1)
    base_test = compute_metrics((np.eye(len(label_names))[baseline.predict(test_ds["review"])], np.array(test_ds["label"])))
    results = {"bert_test": test_out.metrics, "tfidf_test": base_test, "tfidf_val": base_val}
    print(classification_report(test_out.label_ids, test_pred, target_names=label_names, digits=4))
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "results.json").write_text(json.dumps(results, indent=2, default=float))
    trainer.save_model(f"{args.out}/best")


if __name__ == "__main__":
    main()
