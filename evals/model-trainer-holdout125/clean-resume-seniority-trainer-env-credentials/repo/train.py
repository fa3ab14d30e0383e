import os

import evaluate
import numpy as np
import wandb
import yaml
from datasets import ClassLabel, load_dataset
from dotenv import load_dotenv
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

load_dotenv()
cfg = yaml.safe_load(open("config.yaml"))
set_seed(cfg["seed"])

wandb.login(key=os.environ["WANDB_API_KEY"])
os.environ["WANDB_PROJECT"] = cfg["tracking"]["wandb_project"]
os.environ["WANDB_ENTITY"] = cfg["tracking"]["wandb_entity"]

LEVELS = ["junior", "mid", "senior", "staff"]
raw = load_dataset("json", data_files=cfg["data"]["path"], split="train")
raw = raw.rename_column("seniority", "label").cast_column("label", ClassLabel(names=LEVELS))

split = raw.train_test_split(test_size=cfg["data"]["test_frac"], stratify_by_column="label", seed=cfg["seed"])
tv = split["train"].train_test_split(test_size=cfg["data"]["val_frac"] / (1 - cfg["data"]["test_frac"]),
                                     stratify_by_column="label", seed=cfg["seed"])
train_ds, val_ds, test_ds = tv["train"], tv["test"], split["test"]

tok = AutoTokenizer.from_pretrained(cfg["model"]["name"])
enc = lambda b: tok(b["text"], truncation=True, max_length=cfg["model"]["max_len"])
train_ds, val_ds, test_ds = (d.map(enc, batched=True, remove_columns=["text"]) for d in (train_ds, val_ds, test_ds))

model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model"]["name"], num_labels=len(LEVELS),
    id2label=dict(enumerate(LEVELS)), label2id={l: i for i, l in enumerate(LEVELS)},
)

f1 = evaluate.load("f1")
acc = evaluate.load("accuracy")


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {**acc.compute(predictions=preds, references=labels),
            "macro_f1": f1.compute(predictions=preds, references=labels, average="macro")["f1"]}


t = cfg["training"]
args = TrainingArguments(
    output_dir=f"runs/{cfg['experiment']}",
    run_name=cfg["experiment"],
    num_train_epochs=t["epochs"],
    learning_rate=t["lr"],
    per_device_train_batch_size=t["train_bs"],
    per_device_eval_batch_size=t["eval_bs"],
    gradient_accumulation_steps=t["grad_accum"],
    weight_decay=t["weight_decay"],
    evaluation_strategy="steps",
    eval_steps=200,
    save_steps=200,
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    seed=cfg["seed"],
    data_seed=cfg["seed"],
    bf16=True,
    report_to=["wandb"],
    push_to_hub=cfg["tracking"]["push_to_hub"],
    hub_model_id=cfg["tracking"]["hub_repo"],
    hub_token=os.getenv("HF_TOKEN"),
)

trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds,
                  tokenizer=tok, data_collator=DataCollatorWithPadding(tok),
                  compute_metrics=compute_metrics,
                  callbacks=[EarlyStoppingCallback(early_stopping_patience=4)])
trainer.train()

test_out = trainer.predict(test_ds, metric_key_prefix="test")
print(test_out.metrics)
wandb.log(test_out.metrics)
trainer.save_model(f"runs/{cfg['experiment']}/best")
