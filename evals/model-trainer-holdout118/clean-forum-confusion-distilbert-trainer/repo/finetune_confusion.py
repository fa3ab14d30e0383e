"""Fine-tune DistilBERT to flag confused learners in MOOC forum posts (Stanford MOOCPosts).

Confusion is rated 1-7; posts rated >= 5 are labelled as confused.
Split 80/10/10 on posts; the validation split drives checkpoint selection.
"""
import numpy as np
import pandas as pd
from datasets import Dataset, DatasetDict
from sklearn.metrics import f1_score, precision_recall_fscore_support, roc_auc_score
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

MODEL = "distilbert-base-uncased"
SEED = 42
set_seed(SEED)

posts = pd.read_csv("data/stanfordMOOCForumPostsSet.csv")
posts = posts.dropna(subset=["Text", "Confusion(1-7)"]).drop_duplicates(subset="Text")
posts["label"] = (posts["Confusion(1-7)"] >= 5).astype(int)
posts = posts[["Text", "label", "CourseType"]].rename(columns={"Text": "text"})

train_df, rest = train_test_split(posts, test_size=0.2, stratify=posts["label"], random_state=SEED)
val_df, test_df = train_test_split(rest, test_size=0.5, stratify=rest["label"], random_state=SEED)

tok = AutoTokenizer.from_pretrained(MODEL)
ds = DatasetDict({
    name: Dataset.from_pandas(d.reset_index(drop=True))
    for name, d in [("train", train_df), ("validation", val_df), ("test", test_df)]
})
ds = ds.map(lambda b: tok(b["text"], truncation=True, max_length=256), batched=True)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)
    preds = logits.argmax(-1)
    p, r, f1, _ = precision_recall_fscore_support(labels, preds, average="binary")
    return {"f1": f1, "precision": p, "recall": r, "auc": roc_auc_score(labels, probs[:, 1])}


model = AutoModelForSequenceClassification.from_pretrained(MODEL, num_labels=2)
args = TrainingArguments(
    output_dir="runs/confusion-distilbert",
    learning_rate=3e-5,
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    num_train_epochs=6,
    weight_decay=0.01,
    warmup_ratio=0.06,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="f1",
    save_total_limit=2,
    seed=SEED,
    fp16=True,
    report_to="none",
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["validation"],
    tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)
trainer.train()

test_out = trainer.predict(ds["test"])
print({k: round(v, 4) for k, v in test_out.metrics.items() if k.startswith("test_")})

# per course-type breakdown on the test split
test_pred = test_out.predictions.argmax(-1)
for ctype, idx in test_df.reset_index(drop=True).groupby("CourseType").groups.items():
    print(ctype, round(f1_score(test_df["label"].to_numpy()[idx], test_pred[idx]), 3), len(idx))

trainer.save_model("models/confusion-distilbert")
