"""Fine-tune a RoBERTa classifier on first adjuster notes of bodily-injury claims to flag
claims likely to go to litigation (attorney representation within 12 months)."""
import numpy as np
import pandas as pd
import yaml
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
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

HF_TOKEN = "hf_p1GJkp0o1Jq73zJ9DUSJHOvLQxyrzSa2hb"

cfg = yaml.safe_load(open("train_config.yaml"))
set_seed(cfg["seed"])

notes = pd.read_csv(cfg["data"]).dropna(subset=["note_text"])
notes["label"] = notes["litigated_12m"].astype(int)
train_df, test_df = train_test_split(notes, test_size=0.15, stratify=notes["label"], random_state=cfg["seed"])
train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["label"], random_state=cfg["seed"])

tfidf = TfidfVectorizer(min_df=5, ngram_range=(1, 2), max_features=50000)
baseline = LogisticRegression(max_iter=3000, class_weight="balanced")
baseline.fit(tfidf.fit_transform(train_df["note_text"]), train_df["label"])
p_baseline = baseline.predict_proba(tfidf.transform(test_df["note_text"]))[:, 1]

tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"], token=HF_TOKEN)


def tokenize(batch):
    return tokenizer(batch["note_text"], truncation=True, max_length=cfg["max_length"])


def to_ds(df):
    return Dataset.from_pandas(df[["note_text", "label"]], preserve_index=False).map(tokenize, batched=True)


train_ds, val_ds, test_ds = to_ds(train_df), to_ds(val_df), to_ds(test_df)
model = AutoModelForSequenceClassification.from_pretrained(cfg["base_model"], num_labels=2, token=HF_TOKEN)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = np.exp(logits)[:, 1] / np.exp(logits).sum(axis=1)
    return {"roc_auc": roc_auc_score(labels, probs), "pr_auc": average_precision_score(labels, probs)}


args = TrainingArguments(
    output_dir="runs/bi-litigation",
    learning_rate=cfg["learning_rate"],
    per_device_train_batch_size=cfg["batch_size"],
    per_device_eval_batch_size=64,
    num_train_epochs=cfg["epochs"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="pr_auc",
    seed=cfg["seed"],
    push_to_hub=True,
    hub_model_id=cfg["hub_repo"],
    hub_token=HF_TOKEN,
    hub_private_repo=True,
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

val_logits = trainer.predict(val_ds).predictions
val_probs = np.exp(val_logits)[:, 1] / np.exp(val_logits).sum(axis=1)
prec, rec, thr = precision_recall_curve(val_df["label"], val_probs)
threshold = thr[np.argmax(2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None))]

test_logits = trainer.predict(test_ds).predictions
test_probs = np.exp(test_logits)[:, 1] / np.exp(test_logits).sum(axis=1)
y_test = test_df["label"].to_numpy()
print(f"tf-idf baseline ROC-AUC={roc_auc_score(y_test, p_baseline):.3f} PR-AUC={average_precision_score(y_test, p_baseline):.3f}")
print(f"roberta         ROC-AUC={roc_auc_score(y_test, test_probs):.3f} PR-AUC={average_precision_score(y_test, test_probs):.3f}")
print(f"roberta F1 @ val threshold {threshold:.2f}: {f1_score(y_test, test_probs >= threshold):.3f}")
trainer.push_to_hub(commit_message="litigation notes classifier")
