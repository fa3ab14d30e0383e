"""Fine-tune the chat-router intent classifier (DistilRoBERTa) on labelled user utterances."""
import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
)

from augment import paraphrase_minority

SEED = 42
MODEL = "distilroberta-base"

utterances = pd.read_csv("data/router_utterances.csv")
utterances = utterances.dropna(subset=["text", "intent"]).drop_duplicates(subset=["text"])
print(utterances["intent"].value_counts().tail(10))

utterances = paraphrase_minority(utterances, "text", "intent", min_per_class=150, seed=SEED)

labels = sorted(utterances["intent"].unique())
label2id = {l: i for i, l in enumerate(labels)}
utterances["label"] = utterances["intent"].map(label2id)

train_df, test_df = train_test_split(utterances, test_size=0.2, stratify=utterances["label"], random_state=SEED)
train_df, val_df = train_test_split(train_df, test_size=0.1, stratify=train_df["label"], random_state=SEED)

baseline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2), LogisticRegression(max_iter=2000, C=4.0))
baseline.fit(train_df["text"], train_df["label"])
base_pred = baseline.predict(test_df["text"])
print(f"tf-idf baseline: acc={accuracy_score(test_df['label'], base_pred):.3f} "
      f"macro-F1={f1_score(test_df['label'], base_pred, average='macro'):.3f}")

tokenizer = AutoTokenizer.from_pretrained(MODEL)


def encode(frame):
    ds = Dataset.from_pandas(frame[["text", "label"]].reset_index(drop=True))
    return ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=64), batched=True)


def compute_metrics(eval_pred):
    logits, y = eval_pred
    pred = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(y, pred), "macro_f1": f1_score(y, pred, average="macro")}


model = AutoModelForSequenceClassification.from_pretrained(
    MODEL, num_labels=len(labels), id2label=dict(enumerate(labels)), label2id=label2id
)
trainer = Trainer(
    model=model,
    args=TrainingArguments(
        output_dir="checkpoints/router",
        learning_rate=3e-5,
        per_device_train_batch_size=32,
        num_train_epochs=8,
        eval_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=SEED,
        report_to="none",
    ),
    train_dataset=encode(train_df),
    eval_dataset=encode(val_df),
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)
trainer.train()

pred = trainer.predict(encode(test_df))
y_pred = pred.predictions.argmax(-1)
print(classification_report(test_df["label"], y_pred, target_names=labels, digits=3))
trainer.save_model("checkpoints/router/best")
