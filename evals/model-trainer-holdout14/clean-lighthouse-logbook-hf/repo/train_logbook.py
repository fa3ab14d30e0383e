"""Classify historic lighthouse keeper logbook entries by lamp fault type."""
import os

import numpy as np
import yaml
from datasets import ClassLabel, load_dataset
from sklearn.metrics import accuracy_score, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

cfg = yaml.safe_load(open("train_config.yaml"))
set_seed(cfg["seed"])
token = os.environ.get("HF_TOKEN")

ds = load_dataset("csv", data_files=cfg["csv"])["train"]
names = sorted(set(ds[cfg["label_col"]]))
ds = ds.map(lambda ex: {"label": names.index(ex[cfg["label_col"]])})
ds = ds.cast_column("label", ClassLabel(names=names))

first = ds.train_test_split(test_size=0.15, stratify_by_column="label", seed=cfg["seed"])
second = first["train"].train_test_split(test_size=0.15, stratify_by_column="label", seed=cfg["seed"])
splits = {"train": second["train"], "validation": second["test"], "test": first["test"]}

tok = AutoTokenizer.from_pretrained(cfg["base_model"], revision=cfg["revision"], token=token)
enc = {k: v.map(lambda b: tok(b[cfg["text_col"]], truncation=True, max_length=cfg["max_length"]), batched=True)
       for k, v in splits.items()}

model = AutoModelForSequenceClassification.from_pretrained(
    cfg["base_model"], revision=cfg["revision"], token=token, num_labels=len(names))


def metrics(p):
    pred = p.predictions.argmax(-1)
    return {"macro_f1": f1_score(p.label_ids, pred, average="macro"), "accuracy": accuracy_score(p.label_ids, pred)}


args = TrainingArguments(
    output_dir="runs/logbook",
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    greater_is_better=True,
    save_total_limit=2,
    learning_rate=cfg["lr"],
    num_train_epochs=cfg["epochs"],
    per_device_train_batch_size=cfg["batch_size"],
    per_device_eval_batch_size=64,
    weight_decay=0.01,
    warmup_ratio=0.1,
    seed=cfg["seed"],
)
trainer = Trainer(model=model, args=args, train_dataset=enc["train"], eval_dataset=enc["validation"],
                  tokenizer=tok, data_collator=DataCollatorWithPadding(tok), compute_metrics=metrics,
                  callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])])
trainer.train()

test_out = trainer.predict(enc["test"])
y_test = np.array(enc["test"]["label"])
majority = np.bincount(np.array(enc["train"]["label"])).argmax()
print("test", test_out.metrics)
print("majority-class baseline macro-F1", f1_score(y_test, np.full_like(y_test, majority), average="macro"),
      "accuracy", accuracy_score(y_test, np.full_like(y_test, majority)))
trainer.save_model("models/logbook-best")
