import json
import sys

import numpy as np
from sklearn.metrics import accuracy_score, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
)

from data import load_claims


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "f1_macro": f1_score(labels, preds, average="macro"),
    }


def main(cfg_path="config.json"):
    with open(cfg_path) as fh:
        cfg = json.load(fh)

    dd, labels = load_claims(cfg)
    tok = AutoTokenizer.from_pretrained(cfg["model_name"])
    dd = dd.map(lambda b: tok(b["text"], truncation=True, max_length=cfg["max_length"]),
                batched=True, remove_columns=["text"])

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"],
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={l: i for i, l in enumerate(labels)},
    )

    t = cfg["training"]
    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="f1_macro",
        save_total_limit=2,
        logging_steps=100,
        report_to="none",
        push_to_hub=cfg["hub"]["push"],
        hub_model_id=cfg["hub"]["model_id"],
        hub_token=cfg["hub"]["token"],
        **t,
    )

    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=dd["train"],
        eval_dataset=dd["validation"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=1)],
    )
    trainer.train()

    test_out = trainer.predict(dd["test"], metric_key_prefix="test")
    print(json.dumps(test_out.metrics, indent=2))
    trainer.save_metrics("test", test_out.metrics)
    if cfg["hub"]["push"]:
        trainer.push_to_hub(commit_message=f"test f1_macro={test_out.metrics['test_f1_macro']:.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
