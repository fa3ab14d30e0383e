"""
Fine-tune a small encoder on the internal support-ticket intent dataset.

Secrets come from the environment (HF_TOKEN, WANDB_API_KEY) -- see .env.example.
The dataset revision is pinned to a commit so reruns see identical splits.
"""
import hashlib
import logging
import os

import numpy as np
from datasets import load_dataset
from sklearn.metrics import accuracy_score, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("intent")

CFG = {
    "model_name": "distilroberta-base",
    "dataset": "acme-internal/support-intents",
    "dataset_revision": "4f0c2b9e7a61d3580c9b2e47f1a6d08c35e9b721",   # git commit of the dataset repo
    "label_map_sha256": "9b1d5e0c7f3a2846e1d0b9c7a5f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5",
    "seed": 1001,
    "max_len": 192,
    "lr": 3e-5,
    "epochs": 8,
    "batch_size": 32,
    "out_dir": "runs/intent-distilroberta",
}

os.environ.setdefault("WANDB_PROJECT", "support-intents")
HF_TOKEN = os.environ["HF_TOKEN"]            # read-only token, injected by CI


def check_label_map(path, expected_sha):
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != expected_sha:
        raise RuntimeError(f"label map changed: {digest}")


def main():
    set_seed(CFG["seed"])
    check_label_map("configs/labels.json", CFG["label_map_sha256"])

    ds = load_dataset(CFG["dataset"], revision=CFG["dataset_revision"], token=HF_TOKEN)
    # the hub repo ships three fixed splits: train / validation / test
    labels = ds["train"].features["label"].names
    tok = AutoTokenizer.from_pretrained(CFG["model_name"])

    def encode(batch):
        return tok(batch["text"], truncation=True, max_length=CFG["max_len"])

    enc = ds.map(encode, batched=True, remove_columns=["text"])

    model = AutoModelForSequenceClassification.from_pretrained(
        CFG["model_name"], num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)})

    def compute_metrics(eval_pred):
        logits, y = eval_pred
        pred = np.argmax(logits, axis=-1)
        return {"accuracy": accuracy_score(y, pred), "f1_macro": f1_score(y, pred, average="macro")}

    args = TrainingArguments(
        output_dir=CFG["out_dir"],
        learning_rate=CFG["lr"],
        per_device_train_batch_size=CFG["batch_size"],
        per_device_eval_batch_size=64,
        num_train_epochs=CFG["epochs"],
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="f1_macro",
        greater_is_better=True,
        seed=CFG["seed"],
        data_seed=CFG["seed"],
        report_to=["wandb"],
        logging_steps=50,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=enc["train"],
        eval_dataset=enc["validation"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()
    log.info("best checkpoint: %s", trainer.state.best_model_checkpoint)

    test_metrics = trainer.evaluate(enc["test"], metric_key_prefix="test")
    log.info("TEST %s", test_metrics)
    trainer.save_model(os.path.join(CFG["out_dir"], "best"))


if __name__ == "__main__":
    main()
