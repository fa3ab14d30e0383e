"""Fine-tune a pointwise reward model on thumbs-up/down feedback from the support bot.

Credentials come from the environment (HF_TOKEN, WANDB_API_KEY) as set by the
job runner; nothing is stored in the repo.
"""
import argparse
import os

import numpy as np
import yaml
from datasets import ClassLabel, load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, EarlyStoppingCallback, Trainer,
                          TrainingArguments, set_seed)

from baseline import tfidf_baseline
from metrics import compute_metrics


def main(cfg):
    set_seed(cfg["seed"])
    hf_token = os.environ.get("HF_TOKEN")
    report_to = ["wandb"] if os.environ.get("WANDB_API_KEY") else ["none"]

    ds = load_dataset(cfg["dataset"], split="train", token=hf_token)
    ds = ds.cast_column("label", ClassLabel(names=["thumbs_down", "thumbs_up"]))
    first = ds.train_test_split(test_size=cfg["test_size"], stratify_by_column="label", seed=cfg["seed"])
    second = first["train"].train_test_split(
        test_size=cfg["val_size"] / (1 - cfg["test_size"]), stratify_by_column="label", seed=cfg["seed"]
    )
    train_raw, val_raw, test_raw = second["train"], second["test"], first["test"]
    print(f"train={len(train_raw)} val={len(val_raw)} test={len(test_raw)} "
          f"pos_rate={np.mean(train_raw['label']):.3f}")

    tok = AutoTokenizer.from_pretrained(cfg["base_model"], token=hf_token)

    def tokenize(batch):
        return tok(batch["prompt"], batch["response"], truncation="only_second",
                   max_length=cfg["max_length"])

    cols = train_raw.column_names
    train_ds = train_raw.map(tokenize, batched=True, remove_columns=[c for c in cols if c != "label"])
    val_ds = val_raw.map(tokenize, batched=True, remove_columns=[c for c in cols if c != "label"])
    test_ds = test_raw.map(tokenize, batched=True, remove_columns=[c for c in cols if c != "label"])

    model = AutoModelForSequenceClassification.from_pretrained(cfg["base_model"], num_labels=2, token=hf_token)
    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        learning_rate=cfg["lr"],
        num_train_epochs=cfg["epochs"],
        per_device_train_batch_size=cfg["batch_size"],
        per_device_eval_batch_size=cfg["batch_size"] * 2,
        gradient_accumulation_steps=cfg["grad_accum"],
        warmup_ratio=cfg["warmup_ratio"],
        weight_decay=cfg["weight_decay"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="roc_auc",
        greater_is_better=True,
        seed=cfg["seed"],
        data_seed=cfg["seed"],
        bf16=True,
        report_to=report_to,
        push_to_hub=cfg["push_to_hub"],
        hub_model_id=cfg["hub_repo"],
        hub_token=hf_token,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])],
    )
    trainer.train()

    test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
    base_metrics = tfidf_baseline(train_raw, test_raw, cfg["text_fields"], cfg["seed"])
    print("reward model:", {k: round(v, 4) for k, v in test_metrics.items() if k.startswith("test_")})
    print("tfidf baseline:", {k: round(v, 4) for k, v in base_metrics.items()})
    trainer.save_model(os.path.join(cfg["output_dir"], "best"))
    if cfg["push_to_hub"]:
        trainer.push_to_hub(commit_message="feedback reward model")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/train.yaml")
    main(yaml.safe_load(open(parser.parse_args().config)))
