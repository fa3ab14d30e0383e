import json
import logging
import os

import numpy as np
from datasets import load_dataset
from huggingface_hub import login
from sklearn.metrics import accuracy_score, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from finsent.baseline import tfidf_baseline
from finsent.config import CONFIG

logger = logging.getLogger("finsent")


def metric_fn(eval_pred):
    logits, labels = eval_pred
    preds = logits.argmax(-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }


def main(cfg=CONFIG):
    logging.basicConfig(level=logging.INFO)
    set_seed(cfg["seed"])
    hf_token = os.environ.get("HF_TOKEN")
    if hf_token:
        login(token=hf_token)

    ds = load_dataset("json", data_files=cfg["data_files"])
    label2id = {l: i for i, l in enumerate(cfg["labels"])}
    ds = ds.map(lambda ex: {"label": label2id[ex["sentiment"]]})

    base = tfidf_baseline(ds["train"]["headline"], ds["train"]["label"], cfg["seed"])

    tok = AutoTokenizer.from_pretrained(cfg["model_name"])
    enc = ds.map(lambda b: tok(b["headline"], truncation=True, max_length=cfg["max_length"]), batched=True)
    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], num_labels=len(label2id), label2id=label2id,
        id2label={i: l for l, i in label2id.items()}, ignore_mismatched_sizes=True,
    )

    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        learning_rate=cfg["lr"],
        num_train_epochs=cfg["epochs"],
        per_device_train_batch_size=cfg["batch_size"],
        per_device_eval_batch_size=cfg["batch_size"],
        weight_decay=cfg["weight_decay"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=cfg["seed"],
        report_to="none",
        push_to_hub=False,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=enc["train"],
        eval_dataset=enc["validation"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=metric_fn,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])],
    )
    trainer.train()

    # single final look at the untouched test split
    test_out = trainer.predict(enc["test"], metric_key_prefix="test")
    base_pred = base.predict(ds["test"]["headline"])
    y_test = np.array(ds["test"]["label"])
    summary = {
        "finbert": test_out.metrics,
        "tfidf_logreg": {
            "test_accuracy": accuracy_score(y_test, base_pred),
            "test_macro_f1": f1_score(y_test, base_pred, average="macro"),
        },
    }
    logger.info(json.dumps(summary, indent=2))
    trainer.save_model(os.path.join(cfg["output_dir"], "best"))
    if hf_token:
        trainer.model.push_to_hub(cfg["hub_repo"], token=hf_token, private=True)
        tok.push_to_hub(cfg["hub_repo"], token=hf_token, private=True)


if __name__ == "__main__":
    main()
