"""Fine-tune DeBERTa-v3-small as the ticket queue router and push it to the internal Hub org."""
import sys

import numpy as np
import yaml
from datasets import load_dataset
from sklearn.metrics import classification_report, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    Trainer,
    TrainingArguments,
    set_seed,
)

cfg = yaml.safe_load(open(sys.argv[1] if len(sys.argv) > 1 else "config.yaml"))
set_seed(cfg["seed"])

data_files = {split: cfg["data"][split] for split in ("train", "validation", "test")}
raw = load_dataset("csv", data_files=data_files)
label_col = cfg["data"]["label_column"]
labels = sorted(set(raw["train"][label_col]))
label2id = {l: i for i, l in enumerate(labels)}

tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])


def preprocess(batch):
    subj, body = (batch[c] for c in cfg["data"]["text_columns"])
    enc = tokenizer(
        [s or "" for s in subj], [b or "" for b in body],
        truncation="only_second", max_length=cfg["max_length"],
    )
    enc["labels"] = [label2id[l] for l in batch[label_col]]
    return enc


ds = raw.map(preprocess, batched=True, remove_columns=raw["train"].column_names)

model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model_name"], num_labels=len(labels),
    id2label=dict(enumerate(labels)), label2id=label2id,
)


def compute_metrics(p):
    preds = p.predictions.argmax(-1)
    return {"macro_f1": f1_score(p.label_ids, preds, average="macro")}


t = cfg["training"]
args = TrainingArguments(
    output_dir=t["output_dir"],
    learning_rate=t["learning_rate"],
    per_device_train_batch_size=t["batch_size"],
    per_device_eval_batch_size=t["batch_size"] * 2,
    num_train_epochs=t["epochs"],
    warmup_ratio=t["warmup_ratio"],
    weight_decay=t["weight_decay"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    seed=cfg["seed"],
    push_to_hub=cfg["hub"]["push"],
    hub_model_id=cfg["hub"]["model_id"],
    hub_token=cfg["hub"]["token"],
    hub_private_repo=cfg["hub"]["private"],
    report_to="none",
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["validation"],
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
)
trainer.train()

test_out = trainer.predict(ds["test"])
test_pred = np.argmax(test_out.predictions, axis=-1)
print(classification_report(test_out.label_ids, test_pred, target_names=labels, digits=3))
print("test macro-F1:", round(f1_score(test_out.label_ids, test_pred, average="macro"), 4))

if cfg["hub"]["push"]:
    trainer.push_to_hub(commit_message=f"queue router, test macro-F1 {test_out.metrics['test_macro_f1']:.4f}")
