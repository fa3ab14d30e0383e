import json
import logging
from pathlib import Path

import numpy as np
from transformers import (AutoModelForSequenceClassification, DataCollatorWithPadding, EarlyStoppingCallback,
                          Trainer, TrainingArguments, set_seed)

from trailtags.baseline import tfidf_baseline
from trailtags.config import RunConfig
from trailtags.data import HAZARDS, load_splits
from trailtags.metrics import sigmoid, threshold_free, thresholded, tune_threshold

log = logging.getLogger("trailtags")


def main(cfg: RunConfig = RunConfig()):
    set_seed(cfg.seed)
    tok, train_ds, val_ds, test_ds, texts = load_splits(cfg)

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg.model_name, num_labels=len(HAZARDS), problem_type="multi_label_classification")
    args = TrainingArguments(
        output_dir=cfg.out_dir,
        learning_rate=cfg.lr,
        num_train_epochs=cfg.epochs,
        per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=128,
        warmup_ratio=0.06,
        weight_decay=0.01,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="micro_ap",
        greater_is_better=True,
        seed=cfg.seed,
        report_to="none",
    )
    trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds,
                      data_collator=DataCollatorWithPadding(tok), compute_metrics=threshold_free,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg.patience)])
    trainer.train()

    val_out = trainer.predict(val_ds)
    t = tune_threshold(sigmoid(val_out.predictions), val_out.label_ids)

    test_out = trainer.predict(test_ds)
    p_test, y_test = sigmoid(test_out.predictions), test_out.label_ids

    base = tfidf_baseline(texts["train"], train_ds["labels"], cfg.seed)
    t_base = tune_threshold(base.predict_proba(texts["val"]), np.asarray(val_ds["labels"]))
    result = {
        "threshold": t,
        "transformer_test": thresholded(p_test, y_test, t),
        "tfidf_test": thresholded(base.predict_proba(texts["test"]), y_test, t_base),
    }
    Path(cfg.out_dir).mkdir(parents=True, exist_ok=True)
    Path(cfg.out_dir, "test_metrics.json").write_text(json.dumps(result, indent=2))
    trainer.save_model(Path(cfg.out_dir, "best"))
    log.info(json.dumps(result, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
