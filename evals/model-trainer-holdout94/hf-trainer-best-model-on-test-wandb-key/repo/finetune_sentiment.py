"""Fine-tune DistilBERT on the product-review sentiment set and compare with the TF-IDF model."""
import json
import os
from pathlib import Path

import numpy as np
import wandb
from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, EarlyStoppingCallback, Trainer,
                          TrainingArguments, set_seed)

CFG = json.loads(Path("config.json").read_text())

os.environ["WANDB_PROJECT"] = CFG["wandb_project"]
wandb.login(key="3f9c2a7be41d08c65e1f7a9d2b4c8e0f15a6d3b9")

set_seed(CFG["seed"])

raw = load_dataset("csv", data_files={"train": CFG["train_file"], "test": CFG["test_file"]})
raw = raw.class_encode_column("label")
tokenizer = AutoTokenizer.from_pretrained(CFG["model_name"])


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True, max_length=CFG["max_length"])


encoded = raw.map(tokenize, batched=True, remove_columns=["text"])


def softmax(logits):
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = logits.argmax(-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
        "roc_auc": roc_auc_score(labels, softmax(logits)[:, 1]),
    }


model = AutoModelForSequenceClassification.from_pretrained(CFG["model_name"], num_labels=2)
args = TrainingArguments(
    output_dir=CFG["output_dir"],
    learning_rate=CFG["lr"],
    per_device_train_batch_size=CFG["batch_size"],
    per_device_eval_batch_size=64,
    num_train_epochs=CFG["epochs"],
    weight_decay=0.01,
    warmup_ratio=0.06,
    eval_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    report_to=["wandb"],
    seed=CFG["seed"],
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=encoded["train"],
    eval_dataset=encoded["test"],
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)
trainer.train()
bert_metrics = trainer.evaluate(encoded["test"], metric_key_prefix="test")

tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
X_tr = tfidf.fit_transform(raw["train"]["text"])
X_te = tfidf.transform(raw["test"]["text"])
y_tr, y_te = np.array(raw["train"]["label"]), np.array(raw["test"]["label"])
lr = LogisticRegression(C=4.0, max_iter=2000).fit(X_tr, y_tr)
lr_pred = lr.predict(X_te)
baseline_metrics = {
    "test_accuracy": accuracy_score(y_te, lr_pred),
    "test_macro_f1": f1_score(y_te, lr_pred, average="macro"),
    "test_roc_auc": roc_auc_score(y_te, lr.predict_proba(X_te)[:, 1]),
}

summary = {"distilbert": bert_metrics, "tfidf_logreg": baseline_metrics}
print(json.dumps(summary, indent=2, default=float))
wandb.log({"summary": summary})
trainer.save_model(Path(CFG["output_dir"]) / "best")
tokenizer.save_pretrained(Path(CFG["output_dir"]) / "best")
