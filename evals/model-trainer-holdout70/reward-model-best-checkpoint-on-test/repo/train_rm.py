"""Train a pairwise reward model on HH-RLHF preference pairs."""
import argparse
import json
import os

import yaml
from datasets import load_dataset
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    EarlyStoppingCallback,
    TrainingArguments,
    set_seed,
)

from reward.modeling import PairCollator, PairwiseRewardTrainer, length_baseline_accuracy, pairwise_metrics, tokenize_pair


def main(config_path):
    with open(config_path) as fh:
        cfg = yaml.safe_load(fh)
    set_seed(cfg["seed"])

    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForSequenceClassification.from_pretrained(cfg["model_name"], num_labels=1)
    model.config.pad_token_id = tokenizer.pad_token_id

    raw = load_dataset(cfg["dataset"])
    cols = raw["train"].column_names
    tok = lambda ex: tokenize_pair(ex, tokenizer, cfg["max_length"])
    train_ds = raw["train"].map(tok, remove_columns=cols)
    test_ds = raw["test"].map(tok, remove_columns=cols)

    t = cfg["training"]
    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        learning_rate=t["learning_rate"],
        per_device_train_batch_size=t["per_device_train_batch_size"],
        per_device_eval_batch_size=t["per_device_eval_batch_size"],
        gradient_accumulation_steps=t["gradient_accumulation_steps"],
        num_train_epochs=t["num_train_epochs"],
        warmup_steps=t["warmup_steps"],
        eval_strategy="steps",
        eval_steps=t["eval_steps"],
        save_strategy="steps",
        save_steps=t["save_steps"],
        load_best_model_at_end=True,
        metric_for_best_model="pair_accuracy",
        greater_is_better=True,
        remove_unused_columns=False,
        bf16=True,
        seed=cfg["seed"],
        report_to="none",
    )
    trainer = PairwiseRewardTrainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=test_ds,
        data_collator=PairCollator(tokenizer),
        compute_metrics=pairwise_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
    )
    trainer.train()

    results = trainer.evaluate(test_ds, metric_key_prefix="test")
    results["test_length_baseline_accuracy"] = length_baseline_accuracy(raw["test"])
    print(json.dumps(results, indent=2))
    trainer.save_model(os.path.join(cfg["output_dir"], "final"))
    with open(os.path.join(cfg["output_dir"], "test_results.json"), "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/rm_pythia.yaml")
    main(parser.parse_args().config)
