"""Fine-tune BERT on IMDB with a validation split carved out of the official train split.

The official test split is only touched once, after training, for the final numbers.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import yaml
from datasets import load_dataset
from scipy.special import softmax
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from baseline import tfidf_logreg_baseline


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = softmax(logits, axis=-1)[:, 1]
    preds = logits.argmax(-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "f1": f1_score(labels, preds),
        "roc_auc": roc_auc_score(labels, probs),
    }


def main(cfg_path):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    tcfg = cfg["training"]
    set_seed(cfg["seed"])

    raw = load_dataset(cfg["dataset"])
    split = raw["train"].train_test_split(
        test_size=cfg["validation_fraction"], seed=cfg["seed"], stratify_by_column="label"
    )
    train_raw, val_raw, test_raw = split["train"], split["test"], raw["test"]

    baseline = tfidf_logreg_baseline(
        train_raw["text"], train_raw["label"], test_raw["text"], test_raw["label"], cfg["seed"]
    )
    print("baseline (test):", baseline)

    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])

    def tok(batch):
        return tokenizer(batch["text"], truncation=True, max_length=cfg["max_length"])

    train_ds = train_raw.map(tok, batched=True, remove_columns=["text"])
    val_ds = val_raw.map(tok, batched=True, remove_columns=["text"])
    test_ds = test_raw.map(tok, batched=True, remove_columns=["text"])

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], num_labels=2, id2label={0: "neg", 1: "pos"}, label2id={"neg": 0, "pos": 1}
    )
    args = TrainingArguments(
        output_dir=tcfg["output_dir"],
        learning_rate=tcfg["learning_rate"],
        per_device_train_batch_size=tcfg["per_device_train_batch_size"],
        per_device_eval_batch_size=tcfg["per_device_eval_batch_size"],
        num_train_epochs=tcfg["num_train_epochs"],
        weight_decay=tcfg["weight_decay"],
        warmup_ratio=tcfg["warmup_ratio"],
        eval_strategy="steps",
        eval_steps=tcfg["eval_steps"],
        save_strategy="steps",
        save_steps=tcfg["eval_steps"],
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="roc_auc",
        seed=cfg["seed"],
        data_seed=cfg["seed"],
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

    val_metrics = trainer.evaluate()
    test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
    report = {"baseline_test": baseline, "validation": val_metrics, "test": test_metrics}
    out = Path(tcfg["output_dir"])
    trainer.save_model(str(out / "best"))
    (out / "report.json").write_text(json.dumps(report, indent=2, default=float))
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    main(parser.parse_args().config)
