"""Trainer.hyperparameter_search for the product-review rating classifier.

Credentials come from the environment (HF_TOKEN, WANDB_API_KEY).
"""
import os

import numpy as np
from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
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

SEED = int(os.environ.get("SEED", 42))
MODEL_NAME = os.environ.get("BASE_MODEL", "microsoft/deberta-v3-small")
HF_TOKEN = os.environ["HF_TOKEN"]
os.environ.setdefault("WANDB_PROJECT", "review-rating-hpo")

set_seed(SEED)
ds = load_dataset("acme-retail/product-reviews-5class", token=HF_TOKEN)
tok = AutoTokenizer.from_pretrained(MODEL_NAME, token=HF_TOKEN)
enc = ds.map(lambda b: tok(b["review_text"], truncation=True, max_length=320), batched=True)
n_labels = ds["train"].features["label"].num_classes


def metrics(eval_pred):
    logits, labels = eval_pred
    pred = logits.argmax(-1)
    return {"macro_f1": f1_score(labels, pred, average="macro"), "accuracy": accuracy_score(labels, pred)}


def model_init(trial=None):
    return AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=n_labels, token=HF_TOKEN)


def hp_space(trial):
    return {
        "learning_rate": trial.suggest_float("learning_rate", 1e-5, 6e-5, log=True),
        "weight_decay": trial.suggest_float("weight_decay", 0.0, 0.1),
        "warmup_ratio": trial.suggest_float("warmup_ratio", 0.0, 0.15),
        "per_device_train_batch_size": trial.suggest_categorical("per_device_train_batch_size", [16, 32]),
    }


args = TrainingArguments(
    output_dir="runs/review-hpo",
    num_train_epochs=6,
    eval_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    greater_is_better=True,
    save_total_limit=1,
    seed=SEED,
    data_seed=SEED,
    bf16=True,
    report_to=["wandb"],
)
trainer = Trainer(
    model_init=model_init,
    args=args,
    train_dataset=enc["train"],
    eval_dataset=enc["validation"],
    tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok),
    compute_metrics=metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)
best = trainer.hyperparameter_search(
    hp_space=hp_space, backend="optuna", direction="maximize", n_trials=16,
    compute_objective=lambda m: m["eval_macro_f1"],
)
print("best trial:", best.hyperparameters, best.objective)

for k, v in best.hyperparameters.items():
    setattr(trainer.args, k, v)
trainer.args.output_dir = "runs/review-best"
trainer.train()
trainer.save_model("models/review-rating-best")

test = trainer.evaluate(enc["test"], metric_key_prefix="test")

tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
X_tr = tfidf.fit_transform(ds["train"]["review_text"])
lr = LogisticRegression(max_iter=2000, C=4.0, random_state=SEED).fit(X_tr, ds["train"]["label"])
lr_pred = lr.predict(tfidf.transform(ds["test"]["review_text"]))
y_test = np.array(ds["test"]["label"])
print({"transformer": {k: test[k] for k in ("test_macro_f1", "test_accuracy")},
       "tfidf_logreg": {"test_macro_f1": f1_score(y_test, lr_pred, average="macro"),
                        "test_accuracy": accuracy_score(y_test, lr_pred)}})
