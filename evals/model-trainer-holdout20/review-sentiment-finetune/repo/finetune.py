"""Fine-tune DistilBERT on 3-class product review sentiment and push the best checkpoint to the Hub."""
import argparse

import numpy as np
import yaml
from datasets import load_dataset
from huggingface_hub import login
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

HF_TOKEN = "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"


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "f1_macro": f1_score(labels, preds, average="macro"),
        "f1_weighted": f1_score(labels, preds, average="weighted"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/distilbert.yaml")
    ap.add_argument("--push", action="store_true")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    set_seed(cfg["seed"])

    raw = load_dataset("csv", data_files=cfg["data_files"])
    raw = raw.rename_columns({cfg["text_column"]: "text", cfg["label_column"]: "label"})
    raw = raw.class_encode_column("label")
    split = raw["train"].train_test_split(test_size=cfg["val_size"], stratify_by_column="label",
                                          seed=cfg["seed"])
    train_ds, val_ds, test_ds = split["train"], split["test"], raw["test"]

    tok = AutoTokenizer.from_pretrained(cfg["model_name"])

    def encode(batch):
        return tok(batch["text"], truncation=True, max_length=cfg["max_length"])

    train_ds, val_ds, test_ds = (d.map(encode, batched=True) for d in (train_ds, val_ds, test_ds))

    model = AutoModelForSequenceClassification.from_pretrained(cfg["model_name"], num_labels=3)
    targs = TrainingArguments(
        **cfg["training"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="f1_macro",
        greater_is_better=True,
        logging_steps=50,
        seed=cfg["seed"],
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=targs,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
    )
    trainer.train()

    test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
    print(test_metrics)

    if args.push:
        login(token=HF_TOKEN)
        trainer.push_to_hub(repo_id=cfg["hub_repo"], commit_message=f"test f1_macro={test_metrics['test_f1_macro']:.4f}")


if __name__ == "__main__":
    main()
