import argparse
import json
import logging

from transformers import (AutoModelForSequenceClassification, DataCollatorWithPadding, EarlyStoppingCallback,
                          Trainer, TrainingArguments, set_seed)

from spamclf.data import encode
from spamclf.metrics import compute_metrics

logging.basicConfig(level=logging.INFO)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.json")
    cfg = json.load(open(parser.parse_args().config))
    set_seed(cfg["seed"])

    enc, tok = encode(cfg["dataset"], cfg["checkpoint"], cfg["max_length"])
    train_ds, heldout = enc["train"], enc["test"]

    model = AutoModelForSequenceClassification.from_pretrained(cfg["checkpoint"], num_labels=2)
    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        learning_rate=cfg["learning_rate"],
        num_train_epochs=cfg["epochs"],
        per_device_train_batch_size=cfg["batch_size"],
        per_device_eval_batch_size=cfg["batch_size"] * 2,
        weight_decay=cfg["weight_decay"],
        warmup_ratio=cfg["warmup_ratio"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="f1",
        seed=cfg["seed"],
        fp16=True,
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=heldout,
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])],
    )
    trainer.train()
    final = trainer.evaluate(heldout, metric_key_prefix="test")
    logging.info("held-out metrics: %s", json.dumps(final, indent=2))
    trainer.save_model(f"{cfg['output_dir']}/best")


if __name__ == "__main__":
    main()
