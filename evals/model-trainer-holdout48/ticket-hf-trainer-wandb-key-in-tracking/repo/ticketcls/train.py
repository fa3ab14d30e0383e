"""Fine-tune a transformer for ticket queue routing.

    python -m ticketcls.train configs/distilbert_tickets.yaml
"""
from __future__ import annotations

import sys

import numpy as np
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from ticketcls.data import load_frames, tokenize
from ticketcls.tracking import init_tracking, log_summary


def compute_metrics(eval_pred) -> dict[str, float]:
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(labels, preds), "f1_macro": f1_score(labels, preds, average="macro")}


def tfidf_baseline(frames, seed: int) -> dict[str, float]:
    clf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True),
                        LogisticRegression(max_iter=3000, C=4.0, random_state=seed))
    clf.fit(frames["train"]["text"], frames["train"]["label"])
    preds = clf.predict(frames["test"]["text"])
    y = frames["test"]["label"]
    return {"accuracy": accuracy_score(y, preds), "f1_macro": f1_score(y, preds, average="macro")}


def main(config_path: str) -> None:
    cfg = yaml.safe_load(open(config_path))
    set_seed(cfg["seed"])
    init_tracking(cfg["run_name"], cfg)

    frames, labels = load_frames(cfg)
    tokenizer = AutoTokenizer.from_pretrained(cfg["model"]["checkpoint"])
    ds = tokenize(frames, tokenizer, cfg["model"]["max_length"])
    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model"]["checkpoint"], num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)},
    )

    t = cfg["train"]
    args = TrainingArguments(
        output_dir=t["output_dir"],
        num_train_epochs=t["epochs"],
        learning_rate=t["lr"],
        per_device_train_batch_size=t["batch_size"],
        per_device_eval_batch_size=t["batch_size"] * 2,
        weight_decay=t["weight_decay"],
        warmup_ratio=t["warmup_ratio"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="f1_macro",
        report_to=["wandb"],
        run_name=cfg["run_name"],
        seed=cfg["seed"],
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=ds["train"],
        eval_dataset=ds["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=t["patience"])],
    )
    trainer.train()

    test_metrics = trainer.evaluate(ds["test"], metric_key_prefix="test")
    base = tfidf_baseline(frames, cfg["seed"])
    log_summary(test_metrics, "test")
    log_summary(base, "baseline_tfidf")
    trainer.save_model(f"{t['output_dir']}/best")
    print(test_metrics, base)


if __name__ == "__main__":
    main(sys.argv[1])
