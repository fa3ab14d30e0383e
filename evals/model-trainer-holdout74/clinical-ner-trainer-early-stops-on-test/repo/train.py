"""Fine-tune a clinical BERT for PROBLEM / TEST / TREATMENT concept extraction.

    python train.py --config configs/clinical_ner.yaml
"""
import argparse
import json
import sys
from functools import partial
from pathlib import Path

import yaml
from transformers import (
    AutoModelForTokenClassification,
    AutoTokenizer,
    DataCollatorForTokenClassification,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

sys.path.insert(0, str(Path(__file__).parent / "src"))
from clinical_ner import build_compute_metrics, load_splits, tokenize_and_align  # noqa: E402


def main(config_path: str):
    cfg = yaml.safe_load(Path(config_path).read_text())
    set_seed(cfg["seed"])

    labels = cfg["labels"]
    label2id = {l: i for i, l in enumerate(labels)}
    id2label = {i: l for l, i in label2id.items()}

    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
    raw = load_splits(cfg["data"])
    tokenized = raw.map(
        partial(tokenize_and_align, tokenizer=tokenizer, label2id=label2id, data_cfg=cfg["data"]),
        batched=True,
        remove_columns=raw["train"].column_names,
    )

    model = AutoModelForTokenClassification.from_pretrained(
        cfg["model_name"], num_labels=len(labels), id2label=id2label, label2id=label2id
    )

    tr = cfg["training"]
    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        learning_rate=tr["learning_rate"],
        weight_decay=tr["weight_decay"],
        warmup_ratio=tr["warmup_ratio"],
        num_train_epochs=tr["num_train_epochs"],
        per_device_train_batch_size=tr["per_device_train_batch_size"],
        per_device_eval_batch_size=tr["per_device_eval_batch_size"],
        gradient_accumulation_steps=tr["gradient_accumulation_steps"],
        fp16=tr["fp16"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model=tr["metric_for_best_model"],
        greater_is_better=True,
        logging_steps=50,
        seed=cfg["seed"],
        report_to="none",
    )

    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=tokenized["train"],
        eval_dataset=tokenized[cfg["data"]["eval_split"]],
        tokenizer=tokenizer,
        data_collator=DataCollatorForTokenClassification(tokenizer),
        compute_metrics=build_compute_metrics(id2label),
        callbacks=[EarlyStoppingCallback(early_stopping_patience=tr["patience"])],
    )
    trainer.train()

    test_metrics = trainer.evaluate(tokenized["test"], metric_key_prefix="test")
    print(json.dumps(test_metrics, indent=2))
    trainer.save_model(Path(cfg["output_dir"]) / "best")
    (Path(cfg["output_dir"]) / "test_metrics.json").write_text(json.dumps(test_metrics, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/clinical_ner.yaml")
    main(parser.parse_args().config)
