"""ModernBERT fine-tuning on AG News (4 topics).

The official train split is divided into train/validation (stratified, seeded); the
validation part drives early stopping and checkpoint selection. The official test split is
predicted exactly once at the end.
"""
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from datasets import load_dataset
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    HfArgumentParser,
    Trainer,
    TrainingArguments,
    set_seed,
)

logger = logging.getLogger(__name__)


@dataclass
class RunConfig:
    model_name: str = "answerdotai/ModernBERT-base"
    max_length: int = 192
    val_size: float = 0.05
    seed: int = 2718
    output_dir: str = "outputs/modernbert-agnews"
    push_to_hub: bool = False
    hub_model_id: str = "newsroom-ml/modernbert-agnews"


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = logits.argmax(-1)
    p, r, f1, _ = precision_recall_fscore_support(labels, preds, average="macro", zero_division=0)
    return {"accuracy": accuracy_score(labels, preds), "macro_precision": p, "macro_recall": r, "macro_f1": f1}


def main():
    (cfg,) = HfArgumentParser(RunConfig).parse_args_into_dataclasses()
    logging.basicConfig(level=logging.INFO)
    set_seed(cfg.seed)

    ds = load_dataset("ag_news")
    tokenizer = AutoTokenizer.from_pretrained(cfg.model_name)
    # tokenisation is a fixed, pretrained mapping (nothing is fitted on this data), so it is
    # applied to every split up front
    ds = ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=cfg.max_length),
                batched=True, remove_columns=["text"])

    split = ds["train"].train_test_split(test_size=cfg.val_size, seed=cfg.seed, stratify_by_column="label")
    train_ds, val_ds, test_ds = split["train"], split["test"], ds["test"]
    label_names = ds["train"].features["label"].names

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg.model_name,
        num_labels=len(label_names),
        id2label=dict(enumerate(label_names)),
        label2id={n: i for i, n in enumerate(label_names)},
    )
    args = TrainingArguments(
        output_dir=cfg.output_dir,
        learning_rate=5e-5,
        lr_scheduler_type="linear",
        warmup_ratio=0.1,
        weight_decay=0.01,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=128,
        num_train_epochs=4,
        eval_strategy="steps",
        eval_steps=500,
        save_strategy="steps",
        save_steps=500,
        save_total_limit=3,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        bf16=True,
        seed=cfg.seed,
        data_seed=cfg.seed,
        report_to="none",
        push_to_hub=False,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        processing_class=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer, pad_to_multiple_of=8),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=4)],
    )
    trainer.train()
    val_metrics = trainer.evaluate()

    # final, one-off test evaluation of the selected checkpoint
    test_out = trainer.predict(test_ds, metric_key_prefix="test")
    majority = int(np.bincount(np.array(train_ds["label"])).argmax())
    test_labels = np.array(test_ds["label"])
    baseline = {
        "test_majority_accuracy": accuracy_score(test_labels, np.full_like(test_labels, majority)),
        "test_majority_macro_f1": f1_score(test_labels, np.full_like(test_labels, majority), average="macro"),
    }
    report = {"config": asdict(cfg), "val": val_metrics, "test": test_out.metrics, "baseline": baseline}
    Path(cfg.output_dir).mkdir(parents=True, exist_ok=True)
    Path(cfg.output_dir, "final_metrics.json").write_text(json.dumps(report, indent=2))
    logger.info(json.dumps(report, indent=2))

    trainer.save_model(Path(cfg.output_dir) / "best")
    if cfg.push_to_hub:
        trainer.model.push_to_hub(cfg.hub_model_id, token=os.environ["HF_TOKEN"], private=True)
        tokenizer.push_to_hub(cfg.hub_model_id, token=os.environ["HF_TOKEN"], private=True)


if __name__ == "__main__":
    main()
