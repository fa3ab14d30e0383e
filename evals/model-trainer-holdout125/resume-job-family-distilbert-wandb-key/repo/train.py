"""Fine-tune DistilBERT to route incoming resumes to a job family (Eng, Data, Sales, ...)
so recruiters get a pre-sorted queue."""
import os

import numpy as np
import pandas as pd
import yaml
from datasets import Dataset, DatasetDict
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    Trainer,
    TrainingArguments,
    set_seed,
)

cfg = yaml.safe_load(open("configs/finetune.yaml"))
os.environ["WANDB_API_KEY"] = cfg["wandb"]["api_key"]
os.environ["WANDB_PROJECT"] = cfg["wandb"]["project"]
os.environ["WANDB_ENTITY"] = cfg["wandb"]["entity"]

set_seed(cfg["train"]["seed"])
dc = cfg["data"]

df = pd.read_csv(dc["csv"]).dropna(subset=[dc["text_col"], dc["label_col"]])
labels = sorted(df[dc["label_col"]].unique())
label2id = {l: i for i, l in enumerate(labels)}
df["label"] = df[dc["label_col"]].map(label2id)
df = df[[dc["text_col"], "label"]].rename(columns={dc["text_col"]: "text"})

trval, test = train_test_split(df, test_size=dc["test_size"], stratify=df["label"],
                               random_state=cfg["train"]["seed"])
train, val = train_test_split(trval, test_size=dc["val_size"], stratify=trval["label"],
                              random_state=cfg["train"]["seed"])

ds = DatasetDict({
    "train": Dataset.from_pandas(train, preserve_index=False),
    "validation": Dataset.from_pandas(val, preserve_index=False),
    "test": Dataset.from_pandas(test, preserve_index=False),
})

tok = AutoTokenizer.from_pretrained(cfg["model"]["checkpoint"])
ds = ds.map(lambda b: tok(b["text"], truncation=True, max_length=cfg["model"]["max_length"]),
            batched=True, remove_columns=["text"])

model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model"]["checkpoint"], num_labels=len(labels),
    id2label={i: l for l, i in label2id.items()}, label2id=label2id,
)


def compute_metrics(pred):
    preds = np.argmax(pred.predictions, axis=-1)
    return {
        "accuracy": accuracy_score(pred.label_ids, preds),
        "macro_f1": f1_score(pred.label_ids, preds, average="macro"),
    }


tc = cfg["train"]
args = TrainingArguments(
    output_dir=f"runs/{cfg['run_name']}",
    run_name=cfg["run_name"],
    num_train_epochs=tc["epochs"],
    learning_rate=tc["lr"],
    per_device_train_batch_size=tc["batch_size"],
    per_device_eval_batch_size=64,
    weight_decay=tc["weight_decay"],
    warmup_ratio=tc["warmup_ratio"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    fp16=True,
    seed=tc["seed"],
    report_to="wandb",
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["validation"],
    tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok),
    compute_metrics=compute_metrics,
)
trainer.train()

test_metrics = trainer.evaluate(ds["test"], metric_key_prefix="test")
print(test_metrics)
trainer.save_model(f"models/{cfg['run_name']}")
