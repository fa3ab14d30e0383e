import json
import os

import numpy as np
import wandb
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          Trainer, TrainingArguments, set_seed)

from data import load_splits


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "precision": precision_score(labels, preds),
        "recall": recall_score(labels, preds),
        "f1": f1_score(labels, preds),
    }


def main():
    cfg = json.load(open("config.json"))
    set_seed(cfg["seed"])

    if cfg["training"].get("report_to") == "wandb":
        key = os.environ.get("WANDB_API_KEY")
        if key is None:
            raise SystemExit("export WANDB_API_KEY=... (or set report_to to 'none')")
        wandb.login(key=key)
        os.environ.setdefault("WANDB_PROJECT", "phishing-email")

    train_ds, val_ds, test_ds = load_splits(cfg)
    tok = AutoTokenizer.from_pretrained(cfg["model_name"])
    enc = lambda b: tok(b["text"], truncation=True, max_length=cfg["max_length"])
    train_ds, val_ds, test_ds = (d.map(enc, batched=True, remove_columns=["text"])
                                 for d in (train_ds, val_ds, test_ds))

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], num_labels=2, id2label={0: "safe", 1: "phishing"},
        label2id={"safe": 0, "phishing": 1})

    args = TrainingArguments(seed=cfg["seed"], **cfg["training"])
    trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds,
                      tokenizer=tok, data_collator=DataCollatorWithPadding(tok),
                      compute_metrics=compute_metrics)
    trainer.train()

    test_out = trainer.predict(test_ds, metric_key_prefix="test")
    print(json.dumps(test_out.metrics, indent=2))
    trainer.save_model(os.path.join(cfg["training"]["output_dir"], "best"))


if __name__ == "__main__":
    main()
