"""Train the ticket urgency classifier (ELECTRA-base) from conf/urgency.yaml."""
import json
import sys
from pathlib import Path

import numpy as np
import yaml
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from prep import load_tickets, split_frames


def metrics_from_scores(labels, scores):
    preds = (scores >= 0.5).astype(int)
    return {
        "roc_auc": roc_auc_score(labels, scores),
        "pr_auc": average_precision_score(labels, scores),
        "precision": precision_score(labels, preds, zero_division=0),
        "recall": recall_score(labels, preds),
        "f1": f1_score(labels, preds),
    }


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    shifted = logits - logits.max(-1, keepdims=True)
    probs = np.exp(shifted) / np.exp(shifted).sum(-1, keepdims=True)
    return metrics_from_scores(labels, probs[:, 1])


def main(config_path="conf/urgency.yaml"):
    cfg = yaml.safe_load(Path(config_path).read_text())
    set_seed(cfg["seed"])
    df = load_tickets(cfg)
    train_df, val_df, test_df = split_frames(df, cfg, cfg["seed"])

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=100_000)
    baseline = LogisticRegression(max_iter=3000, class_weight="balanced")
    baseline.fit(tfidf.fit_transform(train_df["text"]), train_df["label"])
    base_scores = baseline.predict_proba(tfidf.transform(test_df["text"]))[:, 1]
    print("tfidf baseline", metrics_from_scores(test_df["label"].to_numpy(), base_scores))

    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])

    def to_ds(frame):
        ds = Dataset.from_pandas(frame[["text", "label"]], preserve_index=False)
        return ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=cfg["max_length"]), batched=True)

    train_ds, val_ds, test_ds = to_ds(train_df), to_ds(val_df), to_ds(test_df)
    model = AutoModelForSequenceClassification.from_pretrained(cfg["model_name"], num_labels=2)
    tcfg = cfg["train"]
    args = TrainingArguments(
        output_dir=f"runs/{cfg['run_name']}",
        eval_strategy="epoch",
        save_strategy="epoch",
        learning_rate=tcfg["learning_rate"],
        num_train_epochs=tcfg["epochs"],
        per_device_train_batch_size=tcfg["batch_size"],
        load_best_model_at_end=True,
        metric_for_best_model="pr_auc",
        save_total_limit=1,
        seed=cfg["seed"],
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=tcfg["patience"])],
    )
    trainer.train()
    results = trainer.evaluate(test_ds, metric_key_prefix="test")
    print(json.dumps(results, indent=2))
    trainer.save_model(f"runs/{cfg['run_name']}/best")


if __name__ == "__main__":
    main(*sys.argv[1:])
