import argparse
import json
import os

import numpy as np
import yaml
from sklearn.metrics import f1_score, accuracy_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          Trainer, TrainingArguments, set_seed)

from data import LABELS, make_splits


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
        "present_f1": f1_score(labels, preds, labels=[1], average="macro"),
    }


def main(cfg_path):
    with open(cfg_path) as f:
        cfg = yaml.safe_load(f)
    tcfg = cfg["train"]
    set_seed(tcfg["seed"])

    os.environ["WANDB_PROJECT"] = cfg["wandb"]["project"]
    os.environ["WANDB_ENTITY"] = cfg["wandb"]["entity"]
    os.environ["WANDB_API_KEY"] = cfg["wandb"]["api_key"]

    ds = make_splits(cfg["data"], tcfg["seed"])
    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
    tok = ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=cfg["max_length"]),
                 batched=True, remove_columns=["text"])

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)})

    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        learning_rate=tcfg["lr"],
        num_train_epochs=tcfg["epochs"],
        per_device_train_batch_size=tcfg["batch_size"],
        per_device_eval_batch_size=tcfg["batch_size"] * 2,
        gradient_accumulation_steps=tcfg["grad_accum"],
        warmup_ratio=tcfg["warmup_ratio"],
        weight_decay=tcfg["weight_decay"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        fp16=tcfg["fp16"],
        seed=tcfg["seed"],
        report_to="wandb",
        logging_steps=50,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=tok["train"],
        eval_dataset=tok[tcfg["eval_split"]],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
    )
    trainer.train()

    test_metrics = trainer.evaluate(tok["test"], metric_key_prefix="test")
    print(json.dumps(test_metrics, indent=2))
    trainer.save_model(os.path.join(cfg["output_dir"], "best"))
    with open(os.path.join(cfg["output_dir"], "test_metrics.json"), "w") as f:
        json.dump(test_metrics, f, indent=2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    main(parser.parse_args().config)
