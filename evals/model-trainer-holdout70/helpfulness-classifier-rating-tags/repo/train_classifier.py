"""Fine-tune a DeBERTa classification head to predict whether a response will be rated helpful."""
import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
)

from helpfulness.data import add_tags, build_input, load_ratings, make_labels

SEED = 1234
MODEL_NAME = "microsoft/deberta-v3-small"

df = load_ratings("data/response_ratings.parquet")
df = add_tags(df)
df["text"] = df.apply(build_input, axis=1)
df["label"] = make_labels(df)
print(df["label"].value_counts(normalize=True))

train_df, test_df = train_test_split(df, test_size=0.15, stratify=df["label"], random_state=SEED)
train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["label"], random_state=SEED)

tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)


def to_dataset(frame):
    ds = Dataset.from_pandas(frame[["text", "label"]].reset_index(drop=True))
    return ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=512), batched=True)


train_ds, val_ds, test_ds = to_dataset(train_df), to_dataset(val_df), to_dataset(test_df)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    preds = logits.argmax(axis=1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "f1": f1_score(labels, preds),
        "roc_auc": roc_auc_score(labels, probs[:, 1]),
    }


model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=2)
args = TrainingArguments(
    output_dir="checkpoints/helpfulness-deberta",
    learning_rate=2e-5,
    per_device_train_batch_size=16,
    per_device_eval_batch_size=32,
    num_train_epochs=4,
    weight_decay=0.01,
    eval_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="f1",
    seed=SEED,
    report_to="none",
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

baseline = DummyClassifier(strategy="most_frequent").fit(train_df[["text"]], train_df["label"])
base_preds = baseline.predict(test_df[["text"]])
print("majority baseline  acc=%.3f f1=%.3f" % (accuracy_score(test_df["label"], base_preds), f1_score(test_df["label"], base_preds)))

test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
print(pd.Series(test_metrics).round(4))
trainer.save_model("checkpoints/helpfulness-deberta/best")
