"""
Thesis ch. 4 - fine-tuning DistilBERT on TweetEval sentiment (3 classes).
Runs are tracked in W&B project "msc-sentiment".
"""
import argparse
import os

import numpy as np
import wandb
from datasets import load_dataset
from sklearn.metrics import accuracy_score, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, EarlyStoppingCallback,
                          Trainer, TrainingArguments, set_seed)

WANDB_PROJECT = "msc-sentiment"
WANDB_KEY = "8c1f4e07a9d35b62e0f7a41c9b82d6e53f0a7c19"
MODEL_NAME = "distilbert-base-uncased"


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(labels, preds),
            "macro_f1": f1_score(labels, preds, average="macro")}


def main(args):
    set_seed(args.seed)
    os.environ["WANDB_PROJECT"] = WANDB_PROJECT
    wandb.login(key=WANDB_KEY)

    raw = load_dataset("tweet_eval", "sentiment")
    tok = AutoTokenizer.from_pretrained(MODEL_NAME)
    enc = raw.map(lambda b: tok(b["text"], truncation=True, max_length=128), batched=True)

    model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=3)
    targs = TrainingArguments(
        output_dir=args.out,
        learning_rate=args.lr,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=128,
        num_train_epochs=args.epochs,
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=args.seed,
        report_to=["wandb"],
        run_name=f"distilbert-lr{args.lr}-s{args.seed}",
    )
    trainer = Trainer(
        model=model,
        args=targs,
        train_dataset=enc["train"],
        eval_dataset=enc["validation"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()
    test_metrics = trainer.evaluate(enc["test"], metric_key_prefix="test")
    print(test_metrics)
    wandb.finish()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--lr", type=float, default=3e-5)
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--out", default="runs/distilbert")
    main(p.parse_args())
