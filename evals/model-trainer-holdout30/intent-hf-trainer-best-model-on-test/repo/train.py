"""Fine-tune a transformer on support-ticket intents.

    python train.py --config configs/intent.yaml
"""
import argparse
import json
from pathlib import Path

from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from intent_clf.baseline import tfidf_baseline
from intent_clf.config import RunConfig
from intent_clf.data import load_intents, tokenize
from intent_clf.metrics import compute_metrics


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/intent.yaml")
    cfg = RunConfig.from_yaml(parser.parse_args().config)
    set_seed(cfg.seed)

    raw, label_names = load_intents(cfg.data_dir)
    baseline = tfidf_baseline(raw["train"]["text"], raw["train"]["label"],
                              raw["validation"]["text"], raw["validation"]["label"], cfg.seed)

    tokenizer = AutoTokenizer.from_pretrained(cfg.model_name)
    encoded = tokenize(raw, tokenizer, cfg.max_length)
    model = AutoModelForSequenceClassification.from_pretrained(
        cfg.model_name,
        num_labels=len(label_names),
        id2label=dict(enumerate(label_names)),
        label2id={name: i for i, name in enumerate(label_names)},
    )

    args = TrainingArguments(
        output_dir=cfg.output_dir,
        run_name=cfg.run_name,
        num_train_epochs=cfg.epochs,
        per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=cfg.batch_size * 2,
        learning_rate=cfg.lr,
        weight_decay=cfg.weight_decay,
        warmup_ratio=cfg.warmup_ratio,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        seed=cfg.seed,
        report_to=["wandb"],
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=encoded["train"],
        eval_dataset=encoded["test"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg.patience)],
    )
    trainer.train()

    test_metrics = trainer.evaluate(encoded["test"], metric_key_prefix="test")
    trainer.save_model(str(Path(cfg.output_dir) / "best"))
    report = {**baseline, **test_metrics}
    Path(cfg.output_dir, "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
