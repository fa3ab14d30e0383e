import numpy as np
import wandb
import yaml
from sklearn.metrics import accuracy_score, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, Trainer, TrainingArguments)

from data import load_splits

cfg = yaml.safe_load(open("config/train.yaml"))

wandb.login(key=cfg["wandb"]["api_key"])
wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

train_ds, val_ds, test_ds, label2id = load_splits(cfg)
id2label = {i: c for c, i in label2id.items()}

tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
tok = lambda b: tokenizer(b["text"], truncation=True, max_length=cfg["max_length"])
train_ds = train_ds.map(tok, batched=True)
val_ds = val_ds.map(tok, batched=True)
test_ds = test_ds.map(tok, batched=True)

model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model_name"], num_labels=len(label2id), id2label=id2label, label2id=label2id
)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(labels, preds),
            "macro_f1": f1_score(labels, preds, average="macro")}


args = TrainingArguments(
    **cfg["training"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    seed=cfg["seed"],
    report_to="wandb",
    logging_steps=50,
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=val_ds,
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
)
trainer.train()

test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
print(test_metrics)
wandb.log(test_metrics)
trainer.save_model(cfg["training"]["output_dir"] + "/best")
wandb.finish()
