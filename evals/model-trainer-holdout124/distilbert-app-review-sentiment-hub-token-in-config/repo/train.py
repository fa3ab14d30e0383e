import json

import numpy as np
import yaml
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

from data import LABELS, load_splits


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(labels, preds), "macro_f1": f1_score(labels, preds, average="macro")}


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    set_seed(cfg["seed"])

    dcfg = cfg["data"]
    splits = load_splits(dcfg["path"], dcfg["text_column"], dcfg["label_column"],
                         dcfg["valid_size"], dcfg["test_size"], cfg["seed"])

    tokenizer = AutoTokenizer.from_pretrained(cfg["model"]["checkpoint"])
    tokenized = splits.map(
        lambda b: tokenizer(b["text"], truncation=True, max_length=cfg["model"]["max_length"]),
        batched=True,
        remove_columns=["text"],
    )

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model"]["checkpoint"],
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={l: i for i, l in enumerate(LABELS)},
    )

    hub = cfg["hub"]
    args = TrainingArguments(
        **cfg["training"],
        run_name=cfg["run_name"],
        seed=cfg["seed"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        logging_steps=50,
        report_to="none",
        push_to_hub=hub["push"],
        hub_model_id=hub["model_id"],
        hub_token=hub["token"],
    )

    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=tokenized["train"],
        eval_dataset=tokenized["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=1)],
    )
    trainer.train()

    test_metrics = trainer.evaluate(tokenized["test"], metric_key_prefix="test")
    print(json.dumps(test_metrics, indent=2))
    with open(f"{cfg['training']['output_dir']}/test_metrics.json", "w") as f:
        json.dump(test_metrics, f, indent=2)

    if hub["push"]:
        trainer.push_to_hub(commit_message="distilbert app-review sentiment")


if __name__ == "__main__":
    main()
