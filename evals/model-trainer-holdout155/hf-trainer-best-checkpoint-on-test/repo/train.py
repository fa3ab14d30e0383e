import json

import numpy as np
import yaml
from sklearn.metrics import accuracy_score, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    Trainer,
    TrainingArguments,
    set_seed,
)

from data import load_splits

with open("config.yaml") as fh:
    cfg = yaml.safe_load(fh)
set_seed(cfg["seed"])

ds, labels = load_splits(cfg["data_path"], cfg["test_size"], cfg["seed"])
tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True, max_length=cfg["max_length"])


ds = ds.map(tokenize, batched=True, remove_columns=["text"])

model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model_name"],
    num_labels=len(labels),
    id2label=dict(enumerate(labels)),
    label2id={l: i for i, l in enumerate(labels)},
)


def compute_metrics(eval_pred):
    logits, y = eval_pred
    pred = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(y, pred),
        "macro_f1": f1_score(y, pred, average="macro"),
    }


tc = cfg["train"]
args = TrainingArguments(
    output_dir=tc["output_dir"],
    num_train_epochs=tc["num_train_epochs"],
    learning_rate=tc["learning_rate"],
    per_device_train_batch_size=tc["per_device_train_batch_size"],
    per_device_eval_batch_size=tc["per_device_eval_batch_size"],
    weight_decay=tc["weight_decay"],
    warmup_ratio=tc["warmup_ratio"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model=tc["metric_for_best_model"],
    greater_is_better=True,
    fp16=True,
    seed=cfg["seed"],
    report_to="none",
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["test"],
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
)
trainer.train()

final = trainer.evaluate(ds["test"], metric_key_prefix="test")
print(json.dumps(final, indent=2))
trainer.save_model(f"{tc['output_dir']}/best")
with open(f"{tc['output_dir']}/test_metrics.json", "w") as fh:
    json.dump(final, fh, indent=2)
