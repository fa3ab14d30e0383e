"""Fine-tune a DistilRoBERTa topic classifier on AG News with the HF Trainer."""
import argparse
import json
from pathlib import Path

import yaml
from transformers import (
    AutoModelForSequenceClassification,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from data import build_datasets, label_names, load_tokenizer
from metrics import compute_metrics


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/train.yaml")
    parser.add_argument("--no-fp16", action="store_true")
    return parser.parse_args()


def main():
    args = parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())
    set_seed(cfg["seed"])

    tokenizer = load_tokenizer(cfg["model_name"])
    tokenized = build_datasets(cfg["dataset"], tokenizer, cfg["max_length"])
    names = label_names(cfg["dataset"])

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"],
        num_labels=len(names),
        id2label=dict(enumerate(names)),
        label2id={n: i for i, n in enumerate(names)},
    )

    training_args = TrainingArguments(
        output_dir=cfg["output_dir"],
        eval_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        seed=cfg["seed"],
        fp16=not args.no_fp16,
        report_to="none",
        **cfg["training"],
    )

    trainer = Trainer(
        model=model,
        args=training_args,
        train_dataset=tokenized["train"],
        eval_dataset=tokenized["test"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
    )
    trainer.train()

    results = trainer.evaluate(tokenized["test"], metric_key_prefix="test")
    print(json.dumps(results, indent=2))
    out_dir = Path(cfg["output_dir"])
    (out_dir / "test_metrics.json").write_text(json.dumps(results, indent=2))
    trainer.save_model(str(out_dir / "best"))
    tokenizer.save_pretrained(str(out_dir / "best"))


if __name__ == "__main__":
    main()
