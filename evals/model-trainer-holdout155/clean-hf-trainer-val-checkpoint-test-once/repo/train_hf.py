import argparse
import os

import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.metrics import classification_report, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from common import build_text, seed_all, split_by_customer

ap = argparse.ArgumentParser()
ap.add_argument("--model", default="xlm-roberta-base")
ap.add_argument("--data", default="data/txn_labelled.parquet")
ap.add_argument("--epochs", type=int, default=8)
ap.add_argument("--seed", type=int, default=3)
args = ap.parse_args()

seed_all(args.seed)
set_seed(args.seed)
hf_token = os.environ.get("HF_TOKEN")   # private mirror of the base model

df = pd.read_parquet(args.data).dropna(subset=["description", "category"])
df["text"] = build_text(df)
labels = sorted(df["category"].unique())
l2i = {l: i for i, l in enumerate(labels)}
df["label"] = df["category"].map(l2i)
train_df, val_df, test_df = split_by_customer(df, args.seed)

tok = AutoTokenizer.from_pretrained(args.model, token=hf_token)
def to_ds(frame):
    ds = Dataset.from_pandas(frame[["text", "label"]], preserve_index=False)
    return ds.map(lambda b: tok(b["text"], truncation=True, max_length=64), batched=True, remove_columns=["text"])
train_ds, val_ds, test_ds = to_ds(train_df), to_ds(val_df), to_ds(test_df)

model = AutoModelForSequenceClassification.from_pretrained(
    args.model, num_labels=len(labels), id2label=dict(enumerate(labels)), label2id=l2i, token=hf_token)

def metrics(p):
    pred = p.predictions.argmax(-1)
    return {"macro_f1": f1_score(p.label_ids, pred, average="macro")}

targs = TrainingArguments(
    output_dir=f"runs/{args.model.split('/')[-1]}-txn",
    num_train_epochs=args.epochs,
    learning_rate=2e-5,
    per_device_train_batch_size=64,
    per_device_eval_batch_size=256,
    warmup_ratio=0.1,
    weight_decay=0.01,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    seed=args.seed,
    data_seed=args.seed,
    report_to="none",
)
trainer = Trainer(
    model=model,
    args=targs,
    train_dataset=train_ds,
    eval_dataset=val_ds,
    tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok),
    compute_metrics=metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)
trainer.train()
print("best val checkpoint:", trainer.state.best_model_checkpoint, trainer.state.best_metric)

out = trainer.predict(test_ds)
test_pred = out.predictions.argmax(-1)
print(classification_report(out.label_ids, test_pred, target_names=labels, digits=3, zero_division=0))
print("test macro F1:", round(f1_score(out.label_ids, test_pred, average="macro"), 4))
trainer.save_model(f"{targs.output_dir}/final")
