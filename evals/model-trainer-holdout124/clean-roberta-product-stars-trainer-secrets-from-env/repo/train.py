"""Fine-tune RoBERTa to predict 1-5 stars from Amazon product reviews (English subset)."""
import json
import os

import pandas as pd
import yaml
from datasets import Dataset
from dotenv import load_dotenv
from sklearn.model_selection import train_test_split
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    Trainer,
    TrainingArguments,
    set_seed,
)

from metrics import compute_metrics

load_dotenv()
cfg = yaml.safe_load(open("config.yaml"))
set_seed(cfg["seed"])
os.environ.setdefault("WANDB_PROJECT", "review-stars")

df = pd.read_csv(cfg["data"]["dataset_csv"])
df = df.dropna(subset=["review_body"]).drop_duplicates(subset=["review_id"])
df["text"] = df["review_title"].fillna("") + " </s> " + df["review_body"]
df["label"] = df["stars"].astype(int) - 1

test_frac, valid_frac = cfg["data"]["test_frac"], cfg["data"]["valid_frac"]
train_df, test_df = train_test_split(df, test_size=test_frac, stratify=df["label"], random_state=cfg["seed"])
train_df, valid_df = train_test_split(
    train_df, test_size=valid_frac / (1 - test_frac), stratify=train_df["label"], random_state=cfg["seed"]
)

tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])


def to_dataset(frame):
    ds = Dataset.from_pandas(frame[["text", "label"]], preserve_index=False)
    return ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=cfg["max_length"]),
                  batched=True, remove_columns=["text"])


train_ds, valid_ds, test_ds = to_dataset(train_df), to_dataset(valid_df), to_dataset(test_df)

model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model_name"], num_labels=5,
    id2label={i: f"{i + 1} stars" for i in range(5)},
    label2id={f"{i + 1} stars": i for i in range(5)},
)

hub_token = os.environ.get(cfg["tracking"]["hub_token_env"])
args = TrainingArguments(
    **cfg["train"],
    seed=cfg["seed"],
    evaluation_strategy="steps",
    eval_steps=1000,
    save_steps=1000,
    save_total_limit=3,
    load_best_model_at_end=True,
    metric_for_best_model="mae_expected",
    greater_is_better=False,
    logging_steps=100,
    report_to=cfg["tracking"]["report_to"],
    push_to_hub=hub_token is not None,
    hub_model_id=cfg["tracking"]["hub_model_id"],
    hub_token=hub_token,
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=valid_ds,
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer, pad_to_multiple_of=8),
    compute_metrics=compute_metrics,
)
trainer.train()

test_out = trainer.predict(test_ds, metric_key_prefix="test")
print(json.dumps(test_out.metrics, indent=2))
with open(os.path.join(cfg["train"]["output_dir"], "test_metrics.json"), "w") as f:
    json.dump(test_out.metrics, f, indent=2)

if hub_token:
    trainer.push_to_hub(commit_message="roberta review stars")
