"""Does a search-ad headline beat the account's CVR target? Used to pre-screen new copy."""
import argparse
import json
import os
from pathlib import Path

import pandas as pd
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score
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

from headline_cvr.metrics import best_f1_threshold, compute_metrics, positive_proba


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/headline_cvr.json")
    args = parser.parse_args()
    cfg = json.loads(Path(args.config).read_text())
    set_seed(cfg["seed"])

    ads = pd.read_csv(cfg["data_path"])
    ads = ads[ads["clicks"] >= cfg["min_clicks"]]
    ads = ads.groupby("headline", as_index=False)[["clicks", "conversions"]].sum()
    ads["label"] = (ads["conversions"] / ads["clicks"] >= cfg["cvr_target"]).astype(int)
    print(f"{len(ads):,} unique headlines, {ads['label'].mean():.3f} above target")

    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"], token=os.environ.get("HF_TOKEN"))
    ds = Dataset.from_pandas(ads[["headline", "label"]], preserve_index=False).class_encode_column("label")
    ds = ds.map(lambda b: tokenizer(b["headline"], truncation=True, max_length=cfg["max_length"]), batched=True)

    split = ds.train_test_split(test_size=cfg["test_size"], stratify_by_column="label", seed=cfg["seed"])
    dev = split["train"].train_test_split(test_size=cfg["val_size"], stratify_by_column="label", seed=cfg["seed"])
    train_ds, val_ds, test_ds = dev["train"], dev["test"], split["test"]

    model = AutoModelForSequenceClassification.from_pretrained(cfg["model_name"], num_labels=2)
    training_args = TrainingArguments(
        output_dir=cfg["output_dir"],
        num_train_epochs=cfg["epochs"],
        per_device_train_batch_size=cfg["batch_size"],
        per_device_eval_batch_size=cfg["batch_size"] * 2,
        learning_rate=cfg["learning_rate"],
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="average_precision",
        greater_is_better=True,
        seed=cfg["seed"],
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
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
    )
    trainer.train()

    val_proba = positive_proba(trainer.predict(val_ds).predictions)
    threshold = best_f1_threshold(val_ds["label"], val_proba)
    test_proba = positive_proba(trainer.predict(test_ds).predictions)

    tfidf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2), LogisticRegression(max_iter=2000))
    tfidf.fit(train_ds["headline"], train_ds["label"])
    tfidf_val = tfidf.predict_proba(val_ds["headline"])[:, 1]
    tfidf_threshold = best_f1_threshold(val_ds["label"], tfidf_val)
    tfidf_test = tfidf.predict_proba(test_ds["headline"])[:, 1]

    y_test = test_ds["label"]
    results = {}
    for name, proba, t in [("tfidf_logreg", tfidf_test, tfidf_threshold), ("distilbert", test_proba, threshold)]:
        results[name] = {
            "roc_auc": roc_auc_score(y_test, proba),
            "average_precision": average_precision_score(y_test, proba),
            "threshold_from_val": t,
            "precision": precision_score(y_test, proba >= t),
            "recall": recall_score(y_test, proba >= t),
        }
    print(json.dumps(results, indent=2))
    trainer.save_model(Path(cfg["output_dir"]) / "best")
    (Path(cfg["output_dir"]) / "test_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
