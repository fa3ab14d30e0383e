"""Fine-tune a small transformer on first-notice-of-loss adjuster notes to flag claims likely to litigate.

Litigated bodily-injury claims develop very differently, so early flagging feeds the reserving
and large-loss triage process.
"""
import numpy as np
import pandas as pd
from datasets import Dataset
from huggingface_hub import login
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
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

MODEL_NAME = "distilroberta-base"
HUB_REPO = "acme-insurance/fnol-litigation-flag"
HF_TOKEN = "hf_AHKJJYLrZZ94RWZgKHEk11eKQOvdc3bP4O"
SEED = 13

set_seed(SEED)
login(token=HF_TOKEN)

notes = pd.read_parquet("data/bi_claims_fnol_notes_2018_2023.parquet")
notes = notes.dropna(subset=["fnol_note"]).drop_duplicates(subset=["claim_id"])
notes["text"] = notes["loss_cause"] + " | " + notes["injury_description"].fillna("") + " | " + notes["fnol_note"]
notes["label"] = notes["litigated_within_24m"].astype(int)
print(f"{len(notes):,} claims, litigation rate {notes['label'].mean():.1%}")

train_df, test_df = train_test_split(
    notes[["claim_id", "text", "label"]], test_size=0.2, stratify=notes["label"], random_state=SEED
)

tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True, max_length=256)


train_ds = Dataset.from_pandas(train_df, preserve_index=False).map(tokenize, batched=True)
test_ds = Dataset.from_pandas(test_df, preserve_index=False).map(tokenize, batched=True)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    preds = logits.argmax(axis=1)
    return {
        "f1": f1_score(labels, preds),
        "precision": precision_score(labels, preds, zero_division=0),
        "recall": recall_score(labels, preds),
        "roc_auc": roc_auc_score(labels, probs[:, 1]),
    }


model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=2)

args = TrainingArguments(
    output_dir="outputs/litigation_flag",
    num_train_epochs=5,
    learning_rate=3e-5,
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    warmup_ratio=0.06,
    weight_decay=0.01,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="f1",
    save_total_limit=2,
    seed=SEED,
    report_to="none",
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=test_ds,
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)
trainer.train()

final = trainer.evaluate(test_ds)
print({k: round(v, 4) for k, v in final.items() if k.startswith("eval_")})

trainer.push_to_hub(commit_message="litigation flag v3", token=HF_TOKEN)
