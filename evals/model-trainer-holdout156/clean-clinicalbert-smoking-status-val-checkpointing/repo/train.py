import json
import os

import numpy as np
import yaml
from datasets import load_dataset
from sklearn.metrics import classification_report, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

cfg = yaml.safe_load(open("config.yaml"))
tcfg, labels = cfg["train"], cfg["labels"]
label2id = {l: i for i, l in enumerate(labels)}
set_seed(cfg["seed"])

split_dir = cfg["data"]["splits_dir"]
raw = load_dataset("csv", data_files={s: os.path.join(split_dir, f"{s}.csv") for s in ["train", "val", "test"]})

tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])


def preprocess(batch):
    # smoking status is usually in Social History; keep the tail of long notes out of the 512 window
    enc = tokenizer(batch["text"], truncation=True, max_length=tcfg["max_length"])
    enc["labels"] = [label2id[s] for s in batch["smoking_status"]]
    return enc


ds = raw.map(preprocess, batched=True, remove_columns=raw["train"].column_names)


def compute_metrics(p):
    preds = np.argmax(p.predictions, axis=-1)
    return {"macro_f1": f1_score(p.label_ids, preds, average="macro"),
            "micro_f1": f1_score(p.label_ids, preds, average="micro")}


model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model_name"], num_labels=len(labels), id2label=dict(enumerate(labels)), label2id=label2id)

args = TrainingArguments(
    output_dir=tcfg["output_dir"],
    learning_rate=tcfg["lr"],
    num_train_epochs=tcfg["epochs"],
    per_device_train_batch_size=tcfg["batch_size"],
    per_device_eval_batch_size=tcfg["batch_size"],
    gradient_accumulation_steps=tcfg["grad_accum"],
    warmup_ratio=tcfg["warmup_ratio"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    seed=cfg["seed"],
    report_to="none",
)

trainer = Trainer(
    model=model, args=args,
    train_dataset=ds["train"], eval_dataset=ds["val"],
    tokenizer=tokenizer, data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=tcfg["patience"])],
)
trainer.train()
print("best val checkpoint:", trainer.state.best_model_checkpoint, trainer.state.best_metric)

out = trainer.predict(ds["test"])
test_preds = out.predictions.argmax(-1)
print(classification_report(out.label_ids, test_preds, target_names=labels, digits=3))
with open(os.path.join(tcfg["output_dir"], "test_metrics.json"), "w") as f:
    json.dump(out.metrics, f, indent=2)
trainer.save_model(os.path.join(tcfg["output_dir"], "final"))
