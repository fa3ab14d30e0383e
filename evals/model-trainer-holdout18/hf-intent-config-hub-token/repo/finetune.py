import argparse
import json
import logging
from collections import Counter

from datasets import ClassLabel, load_dataset
from sklearn.metrics import f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, EarlyStoppingCallback, Trainer,
                          TrainingArguments, set_seed)

from src.intent.config import TrainConfig
from src.intent.metrics import compute_metrics

logger = logging.getLogger(__name__)


def majority_baseline(train_labels, eval_labels):
    top = Counter(train_labels).most_common(1)[0][0]
    return f1_score(eval_labels, [top] * len(eval_labels), average="macro")


def main(cfg: TrainConfig):
    set_seed(cfg.seed)
    raw = load_dataset("csv", data_files=cfg.data_files)
    names = sorted(set(raw["train"][cfg.label_column]))
    raw = raw.cast_column(cfg.label_column, ClassLabel(names=names))

    split = raw["train"].train_test_split(test_size=cfg.val_size, seed=cfg.seed,
                                          stratify_by_column=cfg.label_column)
    train_ds, val_ds, test_ds = split["train"], split["test"], raw["test"]

    tok = AutoTokenizer.from_pretrained(cfg.base_model)

    def encode(batch):
        enc = tok(batch[cfg.text_column], truncation=True, max_length=cfg.max_length)
        enc["labels"] = batch[cfg.label_column]
        return enc

    cols = train_ds.column_names
    train_ds = train_ds.map(encode, batched=True, remove_columns=cols)
    val_ds = val_ds.map(encode, batched=True, remove_columns=cols)
    test_ds = test_ds.map(encode, batched=True, remove_columns=cols)

    logger.info("majority-class macro-F1 on val: %.4f",
                majority_baseline(train_ds["labels"], val_ds["labels"]))

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg.base_model, num_labels=len(names),
        id2label=dict(enumerate(names)), label2id={n: i for i, n in enumerate(names)})

    args = TrainingArguments(
        output_dir=cfg.output_dir,
        learning_rate=cfg.lr,
        num_train_epochs=cfg.epochs,
        per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=cfg.batch_size * 2,
        warmup_ratio=cfg.warmup_ratio,
        weight_decay=0.01,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=cfg.seed,
        report_to="none",
        push_to_hub=cfg.push_to_hub,
        hub_model_id=cfg.hub_model_id,
        hub_token=cfg.hub_token,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
    logger.info("test: %s", test_metrics)
    with open(f"{cfg.output_dir}/test_metrics.json", "w") as fh:
        json.dump(test_metrics, fh, indent=2)
    if cfg.push_to_hub:
        trainer.push_to_hub(commit_message="best checkpoint (val macro-F1)")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=TrainConfig.epochs)
    p.add_argument("--lr", type=float, default=TrainConfig.lr)
    p.add_argument("--no-push", action="store_true")
    a = p.parse_args()
    main(TrainConfig(epochs=a.epochs, lr=a.lr, push_to_hub=not a.no_push))
