"""Fine-tune the support-domain encoder to flag tickets from accounts at risk of churning."""
import json

import numpy as np
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from ticket_data import account_split, load_tickets

HF_TOKEN = "hf_T5EbJ8H0Ed9ZqZemZFxBCVPsSoVDrTEPil"

cfg = json.load(open("config.json"))
set_seed(cfg["seed"])

tickets = load_tickets(cfg["tickets_path"])
train_df, val_df, test_df = account_split(tickets, cfg["seed"])

tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"], token=HF_TOKEN)
model = AutoModelForSequenceClassification.from_pretrained(cfg["base_model"], num_labels=2, token=HF_TOKEN)


def encode(df):
    ds = Dataset.from_pandas(df[["text", "label"]], preserve_index=False)
    return ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=cfg["max_length"]), batched=True)


train_ds, val_ds, test_ds = encode(train_df), encode(val_df), encode(test_df)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = np.exp(logits)[:, 1] / np.exp(logits).sum(axis=1)
    return {"roc_auc": roc_auc_score(labels, probs), "pr_auc": average_precision_score(labels, probs)}


args = TrainingArguments(
    output_dir=cfg["output_dir"],
    num_train_epochs=cfg["epochs"],
    per_device_train_batch_size=cfg["batch_size"],
    per_device_eval_batch_size=64,
    learning_rate=cfg["lr"],
    weight_decay=0.01,
    warmup_ratio=0.06,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="pr_auc",
    save_total_limit=2,
    seed=cfg["seed"],
    push_to_hub=True,
    hub_model_id=cfg["hub_repo"],
    hub_token=HF_TOKEN,
    hub_private_repo=True,
)
trainer = Trainer(
    model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds,
    tokenizer=tokenizer, data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics, callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)
trainer.train()

val_logits = trainer.predict(val_ds).predictions
val_probs = np.exp(val_logits)[:, 1] / np.exp(val_logits).sum(axis=1)
grid = np.linspace(0.05, 0.95, 91)
threshold = grid[np.argmax([f1_score(val_df["label"], val_probs >= g) for g in grid])]

test_logits = trainer.predict(test_ds).predictions
test_probs = np.exp(test_logits)[:, 1] / np.exp(test_logits).sum(axis=1)

tfidf = TfidfVectorizer(min_df=3, ngram_range=(1, 2), sublinear_tf=True)
lr = LogisticRegression(max_iter=3000, C=2.0).fit(tfidf.fit_transform(train_df["text"]), train_df["label"])
lr_probs = lr.predict_proba(tfidf.transform(test_df["text"]))[:, 1]

print(json.dumps({
    "encoder": {"roc_auc": roc_auc_score(test_df["label"], test_probs),
                "pr_auc": average_precision_score(test_df["label"], test_probs),
                "f1@val_threshold": f1_score(test_df["label"], test_probs >= threshold)},
    "tfidf_logreg": {"roc_auc": roc_auc_score(test_df["label"], lr_probs),
                     "pr_auc": average_precision_score(test_df["label"], lr_probs)},
    "threshold": float(threshold),
}, indent=2))
trainer.push_to_hub(commit_message="ticket churn risk - weekly retrain")
