"""Sentence-role classification in RCT abstracts with PubMedBERT (Trainer API)."""
import argparse
import json
import os

import numpy as np
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

from common import LABELS, load_rct

MODEL_ID = "microsoft/BiomedNLP-BiomedBERT-base-uncased-abstract-fulltext"
# pin the exact Hub commit of the checkpoint so reruns download identical weights
MODEL_REVISION = "66176abc4312bb3df6710647c22b547f434b3b64"


def metrics(p):
    pred = p.predictions.argmax(-1)
    return {
        "accuracy": accuracy_score(p.label_ids, pred),
        "macro_f1": f1_score(p.label_ids, pred, average="macro"),
        "weighted_f1": f1_score(p.label_ids, pred, average="weighted"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="runs/pubmedbert-roles")
    ap.add_argument("--epochs", type=float, default=4)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--push", action="store_true")
    args = ap.parse_args()
    set_seed(args.seed)

    tok = AutoTokenizer.from_pretrained(MODEL_ID, revision=MODEL_REVISION)
    ds = load_rct().map(lambda b: tok(b["sentence"], truncation=True, max_length=128), batched=True)
    model = AutoModelForSequenceClassification.from_pretrained(
        MODEL_ID,
        revision=MODEL_REVISION,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={l: i for i, l in enumerate(LABELS)},
    )

    targs = TrainingArguments(
        output_dir=args.out,
        num_train_epochs=args.epochs,
        learning_rate=args.lr,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=128,
        warmup_ratio=0.1,
        weight_decay=0.01,
        evaluation_strategy="steps",
        eval_steps=1000,
        save_strategy="steps",
        save_steps=1000,
        save_total_limit=3,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=args.seed,
        data_seed=args.seed,
        bf16=True,
        report_to="none",
        push_to_hub=args.push,
        hub_token=os.environ.get("HF_TOKEN"),
    )
    trainer = Trainer(
        model=model,
        args=targs,
        train_dataset=ds["train"],
        eval_dataset=ds["dev"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=3)],
    )
    trainer.train()
    trainer.save_model(os.path.join(args.out, "best"))

    # single, final look at the test abstracts
    test_metrics = trainer.predict(ds["test"], metric_key_prefix="test").metrics
    with open(os.path.join(args.out, "test_metrics.json"), "w") as fh:
        json.dump(test_metrics, fh, indent=2)
    print(json.dumps(test_metrics, indent=2))
    if args.push:
        trainer.push_to_hub()


if __name__ == "__main__":
    main()
