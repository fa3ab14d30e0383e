"""Fine-tune DistilRoBERTa on campaign pitches to predict whether a project gets *overfunded* (>= 200% of goal).

Only ~9% of campaigns reach 2x, so the positives are upsampled to a 1:1 ratio.
"""
import logging

import numpy as np
import pandas as pd
from datasets import ClassLabel, Dataset, DatasetDict
from huggingface_hub import login
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

logging.basicConfig(level=logging.INFO)
SEED = 17
CHECKPOINT = "distilroberta-base"
HUB_REPO = "pitchlab/overfunded-distilroberta"
HF_TOKEN = "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"

set_seed(SEED)
login(token=HF_TOKEN)

campaigns = pd.read_json("data/campaigns_2021_2023.jsonl", lines=True)
campaigns["text"] = campaigns["title"].str.strip() + ". " + campaigns["blurb"].str.strip() + "\n" + campaigns["story"].str[:2000]
campaigns["label"] = (campaigns["pledged"] >= 2 * campaigns["goal"]).astype(int)
campaigns = campaigns[["text", "label"]]

pos = campaigns[campaigns["label"] == 1]
neg = campaigns[campaigns["label"] == 0]
pos_up = pos.sample(n=len(neg), replace=True, random_state=SEED)
balanced = pd.concat([neg, pos_up]).sample(frac=1.0, random_state=SEED).reset_index(drop=True)

ds = Dataset.from_pandas(balanced).cast_column("label", ClassLabel(names=["regular", "overfunded"]))
first = ds.train_test_split(test_size=0.2, seed=SEED, stratify_by_column="label")
second = first["test"].train_test_split(test_size=0.5, seed=SEED, stratify_by_column="label")
splits = DatasetDict(train=first["train"], validation=second["train"], test=second["test"])

# ---- bag-of-words baseline -------------------------------------------------------------
tfidf = TfidfVectorizer(min_df=3, ngram_range=(1, 2), max_features=100_000)
Xtr = tfidf.fit_transform(splits["train"]["text"])
lr = LogisticRegression(C=4.0, max_iter=2000).fit(Xtr, splits["train"]["label"])
test_lr = lr.predict_proba(tfidf.transform(splits["test"]["text"]))[:, 1]

# ---- transformer -----------------------------------------------------------------------
tok = AutoTokenizer.from_pretrained(CHECKPOINT)
encoded = splits.map(lambda b: tok(b["text"], truncation=True, max_length=384), batched=True, remove_columns=["text"])
model = AutoModelForSequenceClassification.from_pretrained(CHECKPOINT, num_labels=2)


def softmax_pos(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True))[:, 1]


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    p = softmax_pos(logits)
    return {"roc_auc": roc_auc_score(labels, p), "pr_auc": average_precision_score(labels, p)}


args = TrainingArguments(
    output_dir="checkpoints/overfunded",
    per_device_train_batch_size=16,
    per_device_eval_batch_size=64,
    learning_rate=3e-5,
    num_train_epochs=6,
    weight_decay=0.01,
    warmup_ratio=0.06,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="pr_auc",
    save_total_limit=2,
    seed=SEED,
    push_to_hub=True,
    hub_model_id=HUB_REPO,
    hub_token=HF_TOKEN,
    report_to="none",
)
trainer = Trainer(model=model, args=args, train_dataset=encoded["train"], eval_dataset=encoded["validation"],
                  tokenizer=tok, data_collator=DataCollatorWithPadding(tok), compute_metrics=compute_metrics,
                  callbacks=[EarlyStoppingCallback(early_stopping_patience=2)])
trainer.train()

# decision threshold: best F1 on the validation split
val_p = softmax_pos(trainer.predict(encoded["validation"]).predictions)
prec, rec, thr = precision_recall_curve(encoded["validation"]["label"], val_p)
f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = float(thr[np.argmax(f1s)])

y_test = np.array(encoded["test"]["label"])
test_p = softmax_pos(trainer.predict(encoded["test"]).predictions)
for name, p in [("tfidf+logreg", test_lr), ("distilroberta", test_p)]:
    print(f"{name:14s} ROC-AUC {roc_auc_score(y_test, p):.3f}  PR-AUC {average_precision_score(y_test, p):.3f}")
print(f"distilroberta F1@{threshold:.2f}: {f1_score(y_test, test_p >= threshold):.3f}")
trainer.push_to_hub()
