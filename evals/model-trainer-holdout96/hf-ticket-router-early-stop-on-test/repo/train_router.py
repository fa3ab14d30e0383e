"""Fine-tune the support ticket router and push it to the Hub if it beats the TF-IDF baseline."""
import os

import mlflow
import numpy as np
import pandas as pd
import yaml
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

params = yaml.safe_load(open("params.yaml"))
set_seed(params["seed"])
os.environ.setdefault("MLFLOW_EXPERIMENT_NAME", "ticket-router")

train_df = pd.read_parquet(f"{params['data_dir']}/train.parquet")
test_df = pd.read_parquet(f"{params['data_dir']}/test.parquet")
for frame in (train_df, test_df):
    frame["text"] = frame[params["text_columns"]].fillna("").agg("\n\n".join, axis=1)

labels = sorted(train_df[params["label_column"]].unique())
label2id = {name: i for i, name in enumerate(labels)}
id2label = {i: name for name, i in label2id.items()}
train_df["label"] = train_df[params["label_column"]].map(label2id)
test_df["label"] = test_df[params["label_column"]].map(label2id)

tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
baseline = LogisticRegression(max_iter=2000, C=4.0)
baseline.fit(tfidf.fit_transform(train_df["text"]), train_df["label"])
base_pred = baseline.predict(tfidf.transform(test_df["text"]))
baseline_f1 = f1_score(test_df["label"], base_pred, average="macro")

tokenizer = AutoTokenizer.from_pretrained(params["base_model"])


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True, max_length=params["max_length"])


train_ds = Dataset.from_pandas(train_df[["text", "label"]]).map(tokenize, batched=True)
test_ds = Dataset.from_pandas(test_df[["text", "label"]]).map(tokenize, batched=True)


def compute_metrics(eval_pred):
    logits, y = eval_pred
    pred = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(y, pred), "macro_f1": f1_score(y, pred, average="macro")}


model = AutoModelForSequenceClassification.from_pretrained(
    params["base_model"], num_labels=len(labels), id2label=id2label, label2id=label2id
)
args = TrainingArguments(
    output_dir="outputs/ticket-router",
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    greater_is_better=True,
    fp16=True,
    report_to=["mlflow"],
    hub_model_id=params["hub_repo"],
    seed=params["seed"],
    **params["train"],
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=test_ds,
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=params["early_stopping_patience"])],
)
trainer.train()

test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
test_metrics["baseline_macro_f1"] = baseline_f1
print(test_metrics)
with mlflow.start_run(run_id=mlflow.last_active_run().info.run_id):
    mlflow.log_metrics({k: v for k, v in test_metrics.items() if isinstance(v, float)})

if test_metrics["test_macro_f1"] > baseline_f1 + 0.02:
    trainer.push_to_hub(commit_message="weekly retrain", token=os.environ["HF_TOKEN"])
    tokenizer.push_to_hub(params["hub_repo"], token=os.environ["HF_TOKEN"])
