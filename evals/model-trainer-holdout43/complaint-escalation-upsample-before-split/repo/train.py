"""Fine-tune DeBERTa-v3-small to flag complaints that will be escalated to the ombudsman."""
import numpy as np
from datasets import ClassLabel, Dataset
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from data_prep import load_complaints, upsample_minority

SEED = 21
MODEL = "microsoft/deberta-v3-small"


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)
    pos = probs[:, 1]
    preds = (pos >= 0.5).astype(int)
    return {
        "roc_auc": roc_auc_score(labels, pos),
        "pr_auc": average_precision_score(labels, pos),
        "precision": precision_score(labels, preds, zero_division=0),
        "recall": recall_score(labels, preds),
        "f1": f1_score(labels, preds),
    }


def main():
    set_seed(SEED)
    df = load_complaints("data/complaints_2023.csv")
    print("positive rate before balancing:", df["label"].mean())
    df = upsample_minority(df, target_ratio=0.3, seed=SEED)

    ds = Dataset.from_pandas(df, preserve_index=False)
    ds = ds.cast_column("label", ClassLabel(names=["routine", "escalated"]))
    split = ds.train_test_split(test_size=0.2, seed=SEED, stratify_by_column="label")
    train_val = split["train"].train_test_split(test_size=0.1, seed=SEED, stratify_by_column="label")
    train_ds, val_ds, test_ds = train_val["train"], train_val["test"], split["test"]

    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    tokenize = lambda b: tokenizer(b["text"], truncation=True, max_length=256)
    train_ds, val_ds, test_ds = (d.map(tokenize, batched=True) for d in (train_ds, val_ds, test_ds))

    model = AutoModelForSequenceClassification.from_pretrained(MODEL, num_labels=2)
    args = TrainingArguments(
        output_dir="runs/escalation-deberta",
        eval_strategy="steps",
        eval_steps=500,
        save_steps=500,
        learning_rate=2e-5,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=64,
        num_train_epochs=4,
        warmup_ratio=0.1,
        weight_decay=0.01,
        load_best_model_at_end=True,
        metric_for_best_model="pr_auc",
        save_total_limit=2,
        seed=SEED,
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=3)],
    )
    trainer.train()
    print(trainer.evaluate(test_ds, metric_key_prefix="test"))
    trainer.save_model("runs/escalation-deberta/best")


if __name__ == "__main__":
    main()
