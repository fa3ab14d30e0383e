"""Fine-tune a DeBERTa classifier on review stars.

    bash configs/run.sh   (full list of TrainingArguments used for the reported run)
"""
import json
import os
import sys
from pathlib import Path

import numpy as np
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    HfArgumentParser,
    Trainer,
    TrainingArguments,
    set_seed,
)

from review_stars.baseline import tfidf_logreg
from review_stars.config import ExperimentArgs
from review_stars.data import load_reviews
from review_stars.metrics import compute_metrics, star_metrics


def main() -> None:
    exp, args = HfArgumentParser((ExperimentArgs, TrainingArguments)).parse_args_into_dataclasses(sys.argv[1:])
    assert args.load_best_model_at_end and args.metric_for_best_model == "macro_f1", "see configs/run.sh"
    set_seed(args.seed)

    splits = load_reviews(exp.reviews_csv, exp.val_size, exp.test_size, args.seed)
    baseline = tfidf_logreg(splits["train"], splits["validation"], args.seed)

    tokenizer = AutoTokenizer.from_pretrained(exp.model_name)
    encoded = splits.map(lambda b: tokenizer(b["text"], truncation=True, max_length=exp.max_length),
                         batched=True, remove_columns=["text"])
    model = AutoModelForSequenceClassification.from_pretrained(exp.model_name, num_labels=5)

    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=encoded["train"],
        eval_dataset=encoded["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=exp.patience)],
    )
    trainer.train()
    best_val = trainer.evaluate()

    # final, single pass over the untouched test split with the selected checkpoint
    out = trainer.predict(encoded["test"])
    test_scores = star_metrics(out.label_ids, np.argmax(out.predictions, axis=-1))

    report = {**baseline, **best_val, **{f"test_{k}": v for k, v in test_scores.items()}}
    Path(args.output_dir).mkdir(parents=True, exist_ok=True)
    Path(args.output_dir, "report.json").write_text(json.dumps(report, indent=2))
    trainer.save_model(str(Path(args.output_dir) / "best"))
    if exp.hub_model_id and os.environ.get("HF_TOKEN"):
        trainer.model.push_to_hub(exp.hub_model_id, token=os.environ["HF_TOKEN"], private=True)
        tokenizer.push_to_hub(exp.hub_model_id, token=os.environ["HF_TOKEN"], private=True)


if __name__ == "__main__":
    main()
