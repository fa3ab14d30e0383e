"""Classify free-text maintenance work orders into failure modes (bearing, seal, electrical, ...)."""
import json
import os

import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.metrics import classification_report, f1_score, accuracy_score
from sklearn.model_selection import train_test_split
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from text_baseline import tfidf_logreg

with open("train_config.json") as fh:
    cfg = json.load(fh)
set_seed(cfg["seed"])

df = pd.read_csv(cfg["data_csv"]).dropna(subset=[cfg["text_col"], cfg["label_col"]])
labels = sorted(df[cfg["label_col"]].unique())
label2id = {l: i for i, l in enumerate(labels)}
df["label"] = df[cfg["label_col"]].map(label2id)

dev, test = train_test_split(df, test_size=cfg["test_size"], stratify=df["label"], random_state=cfg["seed"])
train, val = train_test_split(dev, test_size=cfg["val_size"], stratify=dev["label"], random_state=cfg["seed"])

baseline = tfidf_logreg(cfg["seed"]).fit(train[cfg["text_col"]], train["label"])
base_pred = baseline.predict(test[cfg["text_col"]])

tok = AutoTokenizer.from_pretrained(cfg["base_model"])


def encode(frame: pd.DataFrame) -> Dataset:
    ds = Dataset.from_pandas(frame[[cfg["text_col"], "label"]].reset_index(drop=True))
    return ds.map(lambda b: tok(b[cfg["text_col"]], truncation=True, max_length=cfg["max_length"]), batched=True)


def compute_metrics(eval_pred):
    logits, y = eval_pred
    pred = np.argmax(logits, axis=-1)
    return {"macro_f1": f1_score(y, pred, average="macro"), "accuracy": accuracy_score(y, pred)}


model = AutoModelForSequenceClassification.from_pretrained(
    cfg["base_model"], num_labels=len(labels), id2label=dict(enumerate(labels)), label2id=label2id
)
args = TrainingArguments(
    output_dir=cfg["output_dir"],
    learning_rate=cfg["lr"],
    per_device_train_batch_size=cfg["batch_size"],
    per_device_eval_batch_size=64,
    num_train_epochs=cfg["epochs"],
    weight_decay=0.01,
    warmup_ratio=0.06,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    seed=cfg["seed"],
    report_to="none",
    hub_model_id=cfg["hub_repo"],
    hub_token=os.environ.get("HF_TOKEN"),
    hub_private_repo=True,
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=encode(train),
    eval_dataset=encode(val),
    tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])],
)
trainer.train()

test_pred = np.argmax(trainer.predict(encode(test)).predictions, axis=-1)
for name, pred in [("tfidf_logreg", base_pred), ("distilroberta", test_pred)]:
    print(name, "macro-F1 %.3f accuracy %.3f" % (f1_score(test["label"], pred, average="macro"), accuracy_score(test["label"], pred)))
print(classification_report(test["label"], test_pred, target_names=labels, digits=3))

if os.environ.get("HF_TOKEN"):
    trainer.push_to_hub(commit_message="failure-mode classifier, best val macro-F1 checkpoint")
