"""
Classify CMMS work orders into failure modes so that MTBF can be tracked per mode.
Input: export of closed corrective work orders with a technician-assigned failure code.
"""
import json
import os

import numpy as np
import pandas as pd
from datasets import ClassLabel, Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

cfg = json.load(open("failure_modes.json"))
SEED = cfg["seed"]
set_seed(SEED)
labels = cfg["labels"]

wo = pd.read_csv(os.environ.get("WO_EXPORT", "data/cmms_work_orders_closed.csv"))
wo = wo[wo["failure_code"].isin(labels)].drop_duplicates("wo_number")
wo["text"] = wo[cfg["text_fields"]].fillna("").agg(" | ".join, axis=1).str.lower()
ds = Dataset.from_pandas(wo[["text", "failure_code"]].rename(columns={"failure_code": "label"}), preserve_index=False)
ds = ds.cast_column("label", ClassLabel(names=labels))

tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
ds = ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=cfg["max_length"]), batched=True)

split = ds.train_test_split(test_size=0.15, stratify_by_column="label", seed=SEED)
dev = split["train"].train_test_split(test_size=0.15, stratify_by_column="label", seed=SEED)
train_ds, val_ds, test_ds = dev["train"], dev["test"], split["test"]

tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
lr = LogisticRegression(max_iter=3000, C=4.0, class_weight="balanced")
lr.fit(tfidf.fit_transform(train_ds["text"]), train_ds["label"])
base_pred = lr.predict(tfidf.transform(test_ds["text"]))


def compute_metrics(eval_pred):
    logits, y = eval_pred
    pred = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(y, pred), "macro_f1": f1_score(y, pred, average="macro")}


model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model_name"], num_labels=len(labels), id2label=dict(enumerate(labels)),
    label2id={l: i for i, l in enumerate(labels)},
)
args = TrainingArguments(
    output_dir="runs/wo-failure-mode",
    learning_rate=3e-5,
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    num_train_epochs=8,
    weight_decay=0.01,
    warmup_ratio=0.06,
    eval_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    seed=SEED,
    report_to="none",
    hub_model_id=cfg["hub_repo"],
    hub_private_repo=True,
    hub_token=os.environ.get("HF_TOKEN"),
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=val_ds,
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)
trainer.train()

test_logits = trainer.predict(test_ds).predictions
pred = test_logits.argmax(-1)
print(f"tf-idf + logreg: accuracy {accuracy_score(test_ds['label'], base_pred):.3f} "
      f"macro-F1 {f1_score(test_ds['label'], base_pred, average='macro'):.3f}")
print(f"distilbert:      accuracy {accuracy_score(test_ds['label'], pred):.3f} "
      f"macro-F1 {f1_score(test_ds['label'], pred, average='macro'):.3f}")
print(classification_report(test_ds["label"], pred, target_names=labels, digits=3))

if os.environ.get("PUSH_TO_HUB") == "1":
    trainer.push_to_hub(commit_message="failure-mode classifier")
