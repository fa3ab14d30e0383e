"""Fine-tune a small encoder (MiniLM) for voice-assistant intent detection."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from baselines import run_baselines


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(labels, preds), "macro_f1": f1_score(labels, preds, average="macro")}


def main(args):
    set_seed(args.seed)
    df = pd.read_csv(args.data).dropna(subset=["utterance", "intent"]).drop_duplicates("utterance")
    labels = sorted(df["intent"].unique())
    label2id = {l: i for i, l in enumerate(labels)}
    df["label"] = df["intent"].map(label2id)

    trainval, test = train_test_split(df, test_size=0.15, stratify=df["label"], random_state=args.seed)
    train, val = train_test_split(trainval, test_size=0.15, stratify=trainval["label"], random_state=args.seed)

    tok = AutoTokenizer.from_pretrained(args.model)

    def to_ds(frame):
        ds = Dataset.from_pandas(frame[["utterance", "label"]], preserve_index=False)
        return ds.map(lambda b: tok(b["utterance"], truncation=True, max_length=64), batched=True)

    train_ds, val_ds, test_ds = to_ds(train), to_ds(val), to_ds(test)

    model = AutoModelForSequenceClassification.from_pretrained(
        args.model, num_labels=len(labels), label2id=label2id, id2label={i: l for l, i in label2id.items()}
    )
    targs = TrainingArguments(
        output_dir=args.out,
        eval_strategy="epoch",
        save_strategy="epoch",
        learning_rate=args.lr,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        num_train_epochs=args.epochs,
        weight_decay=0.01,
        warmup_ratio=0.1,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        save_total_limit=2,
        seed=args.seed,
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
        callbacks=[EarlyStoppingCallback(early_stopping_patience=3)],
    )
    trainer.train()

    test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
    base = run_baselines(train["utterance"], train["label"], test["utterance"], test["label"], args.seed)
    summary = {"minilm": test_metrics, **base}
    print(json.dumps(summary, indent=2, default=float))

    best_dir = Path(args.out) / "best"
    trainer.save_model(str(best_dir))
    (best_dir / "test_metrics.json").write_text(json.dumps(summary, indent=2, default=float))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/assistant_intents.csv")
    ap.add_argument("--model", default="microsoft/MiniLM-L12-H384-uncased")
    ap.add_argument("--out", default="runs/minilm_intents")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--seed", type=int, default=42)
    main(ap.parse_args())
