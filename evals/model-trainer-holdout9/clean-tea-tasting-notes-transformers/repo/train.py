import json
import logging
import os

import yaml
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from teagrade.baseline import tfidf_baseline
from teagrade.data import load_splits
from teagrade.metrics import compute_metrics

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("teagrade")


def main(config_path="config.yaml"):
    cfg = yaml.safe_load(open(config_path))
    set_seed(cfg["seed"])
    hf_token = os.environ.get("HF_TOKEN")  # only needed for the private mirror

    splits = load_splits(cfg)
    labels = splits["train"].features[cfg["label_column"]].names
    tok = AutoTokenizer.from_pretrained(cfg["model_name"], revision=cfg["model_revision"], token=hf_token)

    def tokenize(batch):
        return tok(batch[cfg["text_column"]], truncation=True, max_length=cfg["max_length"])

    encoded = splits.map(tokenize, batched=True).rename_column(cfg["label_column"], "labels")
    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], revision=cfg["model_revision"], token=hf_token, num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)},
    )
    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        eval_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        seed=cfg["seed"],
        report_to="none",
        **cfg["training"],
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=encoded["train"],
        eval_dataset=encoded["validation"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
    )
    trainer.train()

    test_out = trainer.predict(encoded["test"], metric_key_prefix="test")
    baseline = tfidf_baseline(splits, cfg["text_column"], cfg["label_column"], cfg["seed"])
    report = {"transformer": test_out.metrics, "tfidf_logreg": baseline}
    log.info(json.dumps(report, indent=2))
    trainer.save_model(os.path.join(cfg["output_dir"], "best"))


if __name__ == "__main__":
    main()
