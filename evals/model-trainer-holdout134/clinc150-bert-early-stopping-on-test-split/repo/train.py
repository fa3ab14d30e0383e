"""Fine-tune DistilBERT for CLINC150 (+OOS) intent classification."""
import argparse
import json

import numpy as np
import yaml
from sklearn.metrics import accuracy_score, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from data import load_clinc, tokenize_splits


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }


def main(config_path):
    with open(config_path) as f:
        cfg = yaml.safe_load(f)
    tcfg = cfg["training"]
    set_seed(tcfg["seed"])

    ds, label_names = load_clinc(cfg)
    ds, tok = tokenize_splits(ds, cfg)

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"],
        num_labels=len(label_names),
        id2label=dict(enumerate(label_names)),
        label2id={n: i for i, n in enumerate(label_names)},
    )

    args = TrainingArguments(
        output_dir=tcfg["output_dir"],
        learning_rate=tcfg["learning_rate"],
        per_device_train_batch_size=tcfg["per_device_train_batch_size"],
        per_device_eval_batch_size=tcfg["per_device_eval_batch_size"],
        num_train_epochs=tcfg["num_train_epochs"],
        weight_decay=tcfg["weight_decay"],
        warmup_ratio=tcfg["warmup_ratio"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model=tcfg["metric_for_best_model"],
        seed=tcfg["seed"],
        report_to="none",
    )

    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=ds[cfg["train_split"]],
        eval_dataset=ds[cfg["eval_split"]],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=tcfg["early_stopping_patience"])],
    )
    trainer.train()

    metrics = trainer.evaluate(ds[cfg["eval_split"]], metric_key_prefix="test")
    print(json.dumps(metrics, indent=2))
    trainer.save_model(f"{tcfg['output_dir']}/best")
    with open(f"{tcfg['output_dir']}/test_metrics.json", "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/distilbert_clinc.yaml")
    main(ap.parse_args().config)
