"""Classify glassblowers' shift notes into defect types (stones, cords, seeds, checks, devit, none).

Splits come pre-made from the studio's annotation tool (by furnace week): train / validation / test CSVs.
"""
import argparse
import json
import os

import numpy as np
from datasets import load_dataset
from huggingface_hub import login
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

LABELS = ["none", "stones", "cords", "seeds", "checks", "devitrification"]

ap = argparse.ArgumentParser()
ap.add_argument("--model", default="microsoft/deberta-v3-small")
ap.add_argument("--data-dir", default="data/notes")
ap.add_argument("--out", default="runs/glass-defects")
ap.add_argument("--seed", type=int, default=2025)
ap.add_argument("--push", action="store_true")
args = ap.parse_args()
set_seed(args.seed)

if args.push:
    login(token=os.environ["HF_TOKEN"])

raw = load_dataset("csv", data_files={s: f"{args.data_dir}/{s}.csv" for s in ("train", "validation", "test")})
raw = raw.map(lambda ex: {"label": LABELS.index(ex["defect"])})

tok = AutoTokenizer.from_pretrained(args.model)
enc = raw.map(lambda b: tok(b["note"], truncation=True, max_length=192), batched=True,
              remove_columns=["note", "defect"])

# baseline: tf-idf + logistic regression, vectorizer fitted on the train split only
vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
Xtr_txt = vec.fit_transform(raw["train"]["note"])
lr = LogisticRegression(max_iter=3000, class_weight="balanced").fit(Xtr_txt, raw["train"]["label"])
base_pred = lr.predict(vec.transform(raw["test"]["note"]))


def metrics(p):
    pred = p.predictions.argmax(-1)
    return {"macro_f1": f1_score(p.label_ids, pred, average="macro"), "accuracy": accuracy_score(p.label_ids, pred)}


model = AutoModelForSequenceClassification.from_pretrained(
    args.model, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)})
targs = TrainingArguments(
    output_dir=args.out, seed=args.seed, learning_rate=2e-5, num_train_epochs=10,
    per_device_train_batch_size=16, per_device_eval_batch_size=64, warmup_ratio=0.06, weight_decay=0.01,
    evaluation_strategy="epoch", save_strategy="epoch", save_total_limit=2,
    load_best_model_at_end=True, metric_for_best_model="macro_f1", greater_is_better=True,
    report_to="none", push_to_hub=args.push,
)
trainer = Trainer(model=model, args=targs, train_dataset=enc["train"], eval_dataset=enc["validation"],
                  tokenizer=tok, data_collator=DataCollatorWithPadding(tok), compute_metrics=metrics,
                  callbacks=[EarlyStoppingCallback(early_stopping_patience=2)])
trainer.train()

test_out = trainer.predict(enc["test"])
y_test = np.array(raw["test"]["label"])
summary = {
    "model": test_out.metrics,
    "tfidf_baseline_macro_f1": f1_score(y_test, base_pred, average="macro"),
    "tfidf_baseline_accuracy": accuracy_score(y_test, base_pred),
}
print(json.dumps(summary, indent=2))
print(classification_report(y_test, test_out.predictions.argmax(-1), target_names=LABELS, digits=3))
trainer.save_model(f"{args.out}/best")
if args.push:
    trainer.push_to_hub()
