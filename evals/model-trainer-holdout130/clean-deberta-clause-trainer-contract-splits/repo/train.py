import json
import os

import numpy as np
import yaml
from sklearn.metrics import classification_report, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from data import build_datasets

cfg = yaml.safe_load(open("config.yaml"))
tcfg = cfg["train"]
set_seed(tcfg["seed"])

tokenizer = AutoTokenizer.from_pretrained(cfg["model"]["name"])
ds, label2id = build_datasets(cfg, tokenizer)
id2label = {i: l for l, i in label2id.items()}
print({k: len(v) for k, v in ds.items()})


def compute_metrics(p):
    preds = np.argmax(p.predictions, axis=-1)
    return {"macro_f1": f1_score(p.label_ids, preds, average="macro"),
            "micro_f1": f1_score(p.label_ids, preds, average="micro")}


model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model"]["name"], num_labels=len(label2id), id2label=id2label, label2id=label2id)

args = TrainingArguments(
    output_dir=tcfg["output_dir"],
    learning_rate=tcfg["lr"],
    num_train_epochs=tcfg["epochs"],
    per_device_train_batch_size=tcfg["batch_size"],
    per_device_eval_batch_size=64,
    gradient_accumulation_steps=tcfg["grad_accum"],
    warmup_ratio=tcfg["warmup_ratio"],
    weight_decay=0.01,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    seed=tcfg["seed"],
    report_to="none",
)
trainer = Trainer(
    model=model, args=args,
    train_dataset=ds["train"], eval_dataset=ds["dev"],
    tokenizer=tokenizer, data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=tcfg["patience"])],
)
trainer.train()

dev_metrics = trainer.evaluate()
test_out = trainer.predict(ds["test"], metric_key_prefix="test")
test_pred = test_out.predictions.argmax(-1)
print(classification_report(test_out.label_ids, test_pred, target_names=cfg["data"]["labels"],
                            labels=list(range(len(label2id))), digits=3, zero_division=0))

os.makedirs(tcfg["output_dir"], exist_ok=True)
with open(os.path.join(tcfg["output_dir"], "metrics.json"), "w") as fh:
    json.dump({"dev": dev_metrics, "test": test_out.metrics}, fh, indent=2)
trainer.save_model(os.path.join(tcfg["output_dir"], "best"))
