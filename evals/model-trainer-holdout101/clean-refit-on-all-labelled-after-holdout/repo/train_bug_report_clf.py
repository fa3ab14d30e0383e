"""App-review triage: is this review a bug report?

Stage 1 estimates generalisation: train / validation / test, early stopping on validation,
threshold chosen on validation, one test evaluation (written to reports/).
Stage 2 builds the production model: same recipe and number of epochs found in stage 1,
retrained on every labelled review.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from datasets import ClassLabel, Dataset, concatenate_datasets
from scipy.special import softmax
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

SEED = 52
CKPT = "distilroberta-base"
MAX_EPOCHS = 6
tokenizer = AutoTokenizer.from_pretrained(CKPT)


def encode(ds):
    return ds.map(lambda b: tokenizer(b["review"], truncation=True, max_length=160), batched=True, remove_columns=["review"])


def make_args(out_dir, epochs, with_eval):
    return TrainingArguments(
        output_dir=out_dir, learning_rate=3e-5, per_device_train_batch_size=32, per_device_eval_batch_size=64,
        num_train_epochs=epochs, warmup_ratio=0.1, weight_decay=0.01, seed=SEED, report_to="none",
        eval_strategy="epoch" if with_eval else "no", save_strategy="epoch" if with_eval else "no",
        load_best_model_at_end=with_eval, metric_for_best_model="pr_auc" if with_eval else None, save_total_limit=2,
    )


def bug_probs(trainer, ds):
    return softmax(trainer.predict(ds).predictions, axis=-1)[:, 1]


def pr_metrics(p):
    probs = softmax(p.predictions, axis=-1)[:, 1]
    return {"pr_auc": average_precision_score(p.label_ids, probs), "roc_auc": roc_auc_score(p.label_ids, probs)}


def main():
    set_seed(SEED)
    df = pd.read_csv("data/app_reviews_labelled.csv").drop_duplicates("review")
    ds = Dataset.from_pandas(df[["review", "is_bug"]].rename(columns={"is_bug": "label"}), preserve_index=False)
    ds = ds.cast_column("label", ClassLabel(names=["other", "bug"]))
    s1 = ds.train_test_split(test_size=0.15, seed=SEED, stratify_by_column="label")
    s2 = s1["train"].train_test_split(test_size=0.15, seed=SEED, stratify_by_column="label")
    train_ds, val_ds, test_ds = s2["train"], s2["test"], s1["test"]
    y_val, y_test = np.array(val_ds["label"]), np.array(test_ds["label"])

    # ---- stage 1: held-out estimate ----
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    lr = LogisticRegression(max_iter=3000, class_weight="balanced", random_state=SEED)
    lr.fit(vec.fit_transform(train_ds["review"]), train_ds["label"])
    lr_test = lr.predict_proba(vec.transform(test_ds["review"]))[:, 1]

    model = AutoModelForSequenceClassification.from_pretrained(CKPT, num_labels=2)
    trainer = Trainer(model=model, args=make_args("runs/bugclf-stage1", MAX_EPOCHS, True),
                      train_dataset=encode(train_ds), eval_dataset=encode(val_ds), tokenizer=tokenizer,
                      data_collator=DataCollatorWithPadding(tokenizer), compute_metrics=pr_metrics,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=2)])
    trainer.train()
    val_history = [h for h in trainer.state.log_history if "eval_pr_auc" in h]
    best_epoch = int(round(max(val_history, key=lambda h: h["eval_pr_auc"])["epoch"]))

    val_p = bug_probs(trainer, encode(val_ds))
    grid = np.linspace(0.05, 0.95, 91)
    threshold = float(grid[np.argmax([f1_score(y_val, val_p >= t) for t in grid])])

    test_p = bug_probs(trainer, encode(test_ds))
    test_pred = test_p >= threshold
    report = {
        "threshold_from_validation": threshold,
        "best_epoch": best_epoch,
        "model": {"precision": precision_score(y_test, test_pred), "recall": recall_score(y_test, test_pred),
                  "f1": f1_score(y_test, test_pred), "pr_auc": average_precision_score(y_test, test_p),
                  "roc_auc": roc_auc_score(y_test, test_p)},
        "tfidf_lr": {"pr_auc": average_precision_score(y_test, lr_test), "roc_auc": roc_auc_score(y_test, lr_test)},
    }
    Path("reports").mkdir(exist_ok=True)
    Path("reports/bugclf_holdout.json").write_text(json.dumps(report, indent=2, default=float))

    # ---- stage 2: production refit on all labelled data ----
    set_seed(SEED)
    all_labelled = concatenate_datasets([train_ds, val_ds, test_ds]).shuffle(seed=SEED)
    final_model = AutoModelForSequenceClassification.from_pretrained(CKPT, num_labels=2)
    final = Trainer(model=final_model, args=make_args("runs/bugclf-final", max(best_epoch, 1), False),
                    train_dataset=encode(all_labelled), tokenizer=tokenizer,
                    data_collator=DataCollatorWithPadding(tokenizer))
    final.train()
    final.save_model("models/bugclf-prod")
    Path("models/bugclf-prod/threshold.json").write_text(json.dumps({"threshold": threshold, "source": "stage-1 validation"}))


if __name__ == "__main__":
    main()
