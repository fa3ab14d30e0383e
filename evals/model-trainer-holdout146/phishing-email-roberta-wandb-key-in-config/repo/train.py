import os

import yaml
from datasets import load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from metrics import compute_metrics

cfg = yaml.safe_load(open("config.yaml"))
os.environ["WANDB_API_KEY"] = cfg["wandb"]["api_key"]
os.environ["WANDB_PROJECT"] = cfg["wandb"]["project"]
os.environ["WANDB_ENTITY"] = cfg["wandb"]["entity"]
set_seed(cfg["seed"])

raw = load_dataset("csv", data_files=cfg["data_file"])["train"]
raw = raw.filter(lambda ex: ex["email_text"] is not None and len(ex["email_text"].strip()) > 0)
raw = raw.class_encode_column("label")

# 80 / 10 / 10
split = raw.train_test_split(test_size=0.2, seed=cfg["seed"], stratify_by_column="label")
heldout = split["test"].train_test_split(test_size=0.5, seed=cfg["seed"], stratify_by_column="label")
train_ds, val_ds, test_ds = split["train"], heldout["train"], heldout["test"]

tok = AutoTokenizer.from_pretrained(cfg["model_name"])


def tokenize(batch):
    return tok(batch["email_text"], truncation=True, max_length=cfg["max_length"])


cols = ["email_text"]
train_ds = train_ds.map(tokenize, batched=True, remove_columns=cols)
val_ds = val_ds.map(tokenize, batched=True, remove_columns=cols)
test_ds = test_ds.map(tokenize, batched=True, remove_columns=cols)

model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model_name"], num_labels=2, id2label={0: "safe", 1: "phishing"}, label2id={"safe": 0, "phishing": 1}
)

args = TrainingArguments(
    **cfg["training"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="f1",
    save_total_limit=2,
    logging_steps=50,
    report_to=["wandb"],
    run_name=f"{cfg['model_name']}-len{cfg['max_length']}",
    seed=cfg["seed"],
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=val_ds,
    tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=1)],
)
trainer.train()

test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
print(test_metrics)
trainer.save_model(os.path.join(cfg["training"]["output_dir"], "final"))
