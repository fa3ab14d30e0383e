"""Route helpdesk tickets to one of 9 queues by fine-tuning a small BERT.

Credentials are never stored in the repo:
    export HF_TOKEN=hf_xxx            # write token, only needed with --push
    export WANDB_API_KEY=...          # optional experiment tracking
    python train_router.py --data data/tickets.csv --push
"""
import argparse
import logging
import os

import numpy as np
import pandas as pd
from datasets import Dataset, DatasetDict
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, EarlyStoppingCallback, Trainer,
                          TrainingArguments, set_seed)

log = logging.getLogger("router")
CHECKPOINT = "prajjwal1/bert-small"


def metrics_fn(eval_pred):
    logits, labels = eval_pred
    preds = logits.argmax(-1)
    return {"accuracy": accuracy_score(labels, preds),
            "macro_f1": f1_score(labels, preds, average="macro"),
            "weighted_f1": f1_score(labels, preds, average="weighted")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--seed", type=int, default=1337)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--push", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    set_seed(args.seed)

    tickets = pd.read_csv(args.data).dropna(subset=["subject", "body", "queue"])
    tickets["text"] = tickets["subject"].str.strip() + " [SEP] " + tickets["body"].str.strip()
    queues = sorted(tickets["queue"].unique())
    tickets["label"] = tickets["queue"].map({q: i for i, q in enumerate(queues)})
    log.info("queue distribution:\n%s", tickets["queue"].value_counts(normalize=True))

    train_df, test_df = train_test_split(tickets, test_size=0.15, stratify=tickets["label"],
                                         random_state=args.seed)
    train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["label"],
                                        random_state=args.seed)

    # reference: TF-IDF + logistic regression, fit on the training tickets only
    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    ref = LogisticRegression(max_iter=2000, class_weight="balanced")
    ref.fit(tfidf.fit_transform(train_df["text"]), train_df["label"])
    ref_pred = ref.predict(tfidf.transform(test_df["text"]))
    log.info("tfidf+logreg test acc %.4f macro-F1 %.4f",
             accuracy_score(test_df["label"], ref_pred),
             f1_score(test_df["label"], ref_pred, average="macro"))

    splits = DatasetDict({name: Dataset.from_pandas(frame[["text", "label"]], preserve_index=False)
                          for name, frame in [("train", train_df), ("validation", val_df), ("test", test_df)]})
    tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
    # the pretrained tokenizer has no fitted state, so mapping it over every split is harmless
    splits = splits.map(lambda b: tokenizer(b["text"], truncation=True, max_length=320),
                        batched=True, remove_columns=["text"])

    model = AutoModelForSequenceClassification.from_pretrained(
        CHECKPOINT, num_labels=len(queues),
        id2label=dict(enumerate(queues)), label2id={q: i for i, q in enumerate(queues)})
    args_tr = TrainingArguments(
        output_dir="checkpoints/ticket-router",
        num_train_epochs=args.epochs,
        learning_rate=5e-5,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        warmup_ratio=0.1,
        lr_scheduler_type="linear",
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=3,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=args.seed,
        report_to="wandb" if os.environ.get("WANDB_API_KEY") else "none",
        push_to_hub=args.push,
        hub_model_id="helpdesk-ml/ticket-router-bert-small",
        hub_token=os.environ.get("HF_TOKEN"),
    )
    trainer = Trainer(
        model=model,
        args=args_tr,
        train_dataset=splits["train"],
        eval_dataset=splits["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=metrics_fn,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    out = trainer.predict(splits["test"], metric_key_prefix="test")
    log.info("bert-small test: %s", out.metrics)
    print(classification_report(out.label_ids, np.argmax(out.predictions, -1),
                                target_names=queues, digits=3))
    if args.push:
        trainer.push_to_hub()


if __name__ == "__main__":
    main()
