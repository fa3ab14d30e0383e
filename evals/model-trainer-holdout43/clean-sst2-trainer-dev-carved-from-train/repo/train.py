"""Fine-tune ELECTRA-base on GLUE SST-2 with early stopping on a dev split carved from train."""
import argparse
import json
from pathlib import Path

import yaml
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from sst2.baseline import tfidf_baseline
from sst2.data import load_splits, tokenize_splits
from sst2.metrics import compute_metrics


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/sst2_electra.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    set_seed(cfg["seed"])

    splits = load_splits(cfg["dev_fraction"], cfg["seed"])
    baseline = tfidf_baseline(splits["train"], splits["heldout"], cfg["seed"])

    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
    encoded = tokenize_splits(splits, tokenizer, cfg["max_length"])
    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], num_labels=2, id2label={0: "negative", 1: "positive"},
        label2id={"negative": 0, "positive": 1},
    )

    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        load_best_model_at_end=True,
        metric_for_best_model="mcc",
        seed=cfg["seed"],
        report_to="none",
        **cfg["args"],
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=encoded["train"],
        eval_dataset=encoded["dev"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])],
    )
    trainer.train()

    dev_metrics = trainer.evaluate(encoded["dev"], metric_key_prefix="dev")
    heldout_metrics = trainer.evaluate(encoded["heldout"], metric_key_prefix="heldout")
    report = {"tfidf_baseline_heldout": baseline, "dev": dev_metrics, "heldout": heldout_metrics}
    print(json.dumps(report, indent=2))

    out = Path(cfg["output_dir"])
    trainer.save_model(str(out / "best"))
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
