"""Fine-tune Bio_ClinicalBERT on discharge summaries to predict 30-day readmission."""
import os

import numpy as np
import wandb
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from notes_clf.data import build_datasets
from notes_clf.settings import HF_TOKEN, WANDB_ENTITY, WANDB_PROJECT, load_config

os.environ["WANDB_API_KEY"] = "6d611792d24ba4ac42cb6a196008efd3f29d6e4e"


def softmax_pos(logits):
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e[:, 1] / e.sum(axis=1)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    prob = softmax_pos(logits)
    return {
        "auroc": roc_auc_score(labels, prob),
        "auprc": average_precision_score(labels, prob),
        "f1": f1_score(labels, (prob >= 0.5).astype(int)),
    }


def tfidf_baseline(ds):
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=5, max_features=100_000, sublinear_tf=True)
    Xtr = vec.fit_transform(ds["train"]["text"])
    clf = LogisticRegression(max_iter=2000, C=2.0, class_weight="balanced").fit(Xtr, ds["train"]["label"])
    prob = clf.predict_proba(vec.transform(ds["test"]["text"]))[:, 1]
    y = np.array(ds["test"]["label"])
    return {"auroc": roc_auc_score(y, prob), "auprc": average_precision_score(y, prob)}


def main():
    cfg = load_config()
    set_seed(cfg["seed"])
    wandb.init(project=WANDB_PROJECT, entity=WANDB_ENTITY, config=cfg)

    ds = build_datasets(cfg)
    baseline = tfidf_baseline(ds)
    print("tf-idf baseline:", baseline)

    tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"], token=HF_TOKEN)
    ds = ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=cfg["max_length"]),
                batched=True, remove_columns=["text"])
    model = AutoModelForSequenceClassification.from_pretrained(cfg["base_model"], num_labels=2, token=HF_TOKEN)

    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="auprc",
        greater_is_better=True,
        save_total_limit=2,
        logging_steps=50,
        report_to=["wandb"],
        seed=cfg["seed"],
        push_to_hub=True,
        hub_model_id=cfg["hub_model_id"],
        hub_private_repo=True,
        hub_token=HF_TOKEN,
        **cfg["training"],
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=ds["train"],
        eval_dataset=ds["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
    )
    trainer.train()

    test_metrics = trainer.evaluate(ds["test"], metric_key_prefix="test")
    wandb.log({**test_metrics, "baseline_test_auroc": baseline["auroc"], "baseline_test_auprc": baseline["auprc"]})
    print(test_metrics)
    trainer.push_to_hub(commit_message="readmission classifier, best val AUPRC checkpoint")


if __name__ == "__main__":
    main()
