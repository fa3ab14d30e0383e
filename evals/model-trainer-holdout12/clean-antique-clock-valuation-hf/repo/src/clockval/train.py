"""Fine-tune a small transformer on lot descriptions.  python -m clockval.train --config config.json"""
import argparse
import json
import logging
import os

from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from .data import load_splits
from .metrics import compute_metrics

log = logging.getLogger("clockval")


def main(cfg):
    set_seed(cfg["seed"])
    token = os.environ.get("HF_TOKEN")  # only needed for the private org mirror; None works for public models
    splits = load_splits(cfg)
    label_names = splits["train"].features["label"].names
    log.info("sizes %s labels %s", {k: len(v) for k, v in splits.items()}, label_names)

    tok = AutoTokenizer.from_pretrained(cfg["model_name"], token=token)
    # tokenisation is a fixed, per-example mapping (no statistics), so it is applied to every split
    encoded = splits.map(lambda b: tok(b["text"], truncation=True, max_length=cfg["max_length"]),
                         batched=True, remove_columns=["text"])

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], num_labels=len(label_names), token=token,
        id2label=dict(enumerate(label_names)), label2id={n: i for i, n in enumerate(label_names)},
    )
    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        learning_rate=cfg["lr"],
        num_train_epochs=cfg["epochs"],
        per_device_train_batch_size=cfg["batch_size"],
        per_device_eval_batch_size=cfg["batch_size"] * 2,
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        seed=cfg["seed"],
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=encoded["train"],
        eval_dataset=encoded["validation"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])],
    )
    trainer.train()
    log.info("best checkpoint (by validation macro-F1): %s", trainer.state.best_model_checkpoint)

    test_out = trainer.predict(encoded["test"], metric_key_prefix="test")
    log.info("test metrics %s", test_out.metrics)
    trainer.save_model(os.path.join(cfg["output_dir"], "best"))
    with open(os.path.join(cfg["output_dir"], "test_metrics.json"), "w") as fh:
        json.dump(test_out.metrics, fh, indent=2)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.json")
    main(json.load(open(ap.parse_args().config)))
