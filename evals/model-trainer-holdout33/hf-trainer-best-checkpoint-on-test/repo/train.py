#!/usr/bin/env python
"""Fine-tune DistilBERT on AG News and write the final scores to results.json."""
import argparse
import json
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "src"))

from transformers import (  # noqa: E402
    AutoModelForSequenceClassification,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from newscls.config import Config  # noqa: E402
from newscls.data import build_datasets  # noqa: E402
from newscls.metrics import compute_metrics  # noqa: E402

logger = logging.getLogger(__name__)


def parse_args() -> Config:
    cfg = Config()
    p = argparse.ArgumentParser()
    p.add_argument("--lr", type=float, default=cfg.lr)
    p.add_argument("--epochs", type=int, default=cfg.epochs)
    p.add_argument("--output-dir", default=cfg.output_dir)
    a = p.parse_args()
    cfg.lr, cfg.epochs, cfg.output_dir = a.lr, a.epochs, a.output_dir
    return cfg


def main():
    logging.basicConfig(level=logging.INFO)
    cfg = parse_args()
    set_seed(cfg.seed)

    tokenized, tokenizer = build_datasets(cfg)
    id2label = dict(enumerate(cfg.label_names))
    model = AutoModelForSequenceClassification.from_pretrained(
        cfg.model_name,
        num_labels=len(id2label),
        id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
    )

    args = TrainingArguments(
        output_dir=cfg.output_dir,
        learning_rate=cfg.lr,
        num_train_epochs=cfg.epochs,
        per_device_train_batch_size=cfg.train_bs,
        per_device_eval_batch_size=cfg.eval_bs,
        weight_decay=cfg.weight_decay,
        warmup_ratio=cfg.warmup_ratio,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        fp16=True,
        seed=cfg.seed,
        report_to="none",
    )

    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=tokenized["train"],
        eval_dataset=tokenized["test"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg.patience)],
    )
    trainer.train()

    final = trainer.evaluate(tokenized["test"], metric_key_prefix="test")
    logger.info("held-out test: %s", final)
    Path(cfg.output_dir).mkdir(parents=True, exist_ok=True)
    with open(Path(cfg.output_dir) / "results.json", "w") as fh:
        json.dump(final, fh, indent=2)
    trainer.save_model(Path(cfg.output_dir) / "best")


if __name__ == "__main__":
    main()
