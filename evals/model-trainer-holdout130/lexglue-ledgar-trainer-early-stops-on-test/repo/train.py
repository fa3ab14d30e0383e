"""Fine-tune LEGAL-BERT on LexGLUE / LEDGAR (100-way contract provision classification)."""
import json
import sys

from datasets import load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, EarlyStoppingCallback, Trainer,
                          TrainingArguments, set_seed)

from metrics import compute_metrics

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))
set_seed(cfg["seed"])

ds = load_dataset(*cfg["dataset"])
label_names = ds["train"].features["label"].names
tok = AutoTokenizer.from_pretrained(cfg["model_name"])


def tokenize(batch):
    return tok(batch["text"], truncation=True, max_length=cfg["max_length"])


ds = ds.map(tokenize, batched=True, remove_columns=["text"])

model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model_name"],
    num_labels=len(label_names),
    id2label=dict(enumerate(label_names)),
    label2id={n: i for i, n in enumerate(label_names)},
)

args = TrainingArguments(
    output_dir=cfg["output_dir"],
    per_device_train_batch_size=cfg["per_device_train_batch_size"],
    per_device_eval_batch_size=cfg["per_device_eval_batch_size"],
    learning_rate=cfg["learning_rate"],
    num_train_epochs=cfg["num_train_epochs"],
    warmup_ratio=cfg["warmup_ratio"],
    weight_decay=cfg["weight_decay"],
    fp16=cfg["fp16"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    greater_is_better=True,
    logging_steps=100,
    seed=cfg["seed"],
    report_to="none",
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds[cfg["eval_split"]],
    tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
)
trainer.train()

results = trainer.evaluate(ds[cfg["eval_split"]], metric_key_prefix=cfg["eval_split"])
print(json.dumps(results, indent=2))
with open(f"{cfg['output_dir']}/final_metrics.json", "w") as fh:
    json.dump(results, fh, indent=2)
trainer.save_model(f"{cfg['output_dir']}/best")
