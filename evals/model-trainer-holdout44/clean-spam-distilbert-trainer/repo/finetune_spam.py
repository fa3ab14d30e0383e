"""Fine-tune DistilBERT on the SMS Spam Collection (HF course, chapter 3 exercise)."""
import os

import numpy as np
from datasets import load_dataset
from scipy.special import softmax
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

MODEL_NAME = "distilbert-base-uncased"
SEED = 17


def binary_metrics(labels, spam_proba, threshold=0.5):
    pred = (spam_proba >= threshold).astype(int)
    return {
        "precision": precision_score(labels, pred, zero_division=0),
        "recall": recall_score(labels, pred),
        "f1": f1_score(labels, pred),
        "roc_auc": roc_auc_score(labels, spam_proba),
        "pr_auc": average_precision_score(labels, spam_proba),
    }


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    return binary_metrics(labels, softmax(logits, axis=-1)[:, 1])


def main():
    set_seed(SEED)
    hf_token = os.environ.get("HF_TOKEN")
    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME, token=hf_token)

    raw = load_dataset("sms_spam", split="train")
    raw = raw.rename_column("sms", "text")
    encoded = raw.map(lambda b: tokenizer(b["text"], truncation=True, max_length=128), batched=True)

    split = encoded.train_test_split(test_size=0.2, stratify_by_column="label", seed=SEED)
    train_val = split["train"].train_test_split(test_size=0.15, stratify_by_column="label", seed=SEED)
    train_ds, val_ds, test_ds = train_val["train"], train_val["test"], split["test"]

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    baseline = LogisticRegression(max_iter=2000, C=10, class_weight="balanced")
    baseline.fit(tfidf.fit_transform(train_ds["text"]), train_ds["label"])
    base_proba = baseline.predict_proba(tfidf.transform(test_ds["text"]))[:, 1]

    model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=2, token=hf_token)
    args = TrainingArguments(
        output_dir="checkpoints/distilbert-spam",
        num_train_epochs=6,
        learning_rate=3e-5,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="pr_auc",
        seed=SEED,
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    test_out = trainer.predict(test_ds)
    labels = np.array(test_ds["label"])
    print("tfidf+logreg:", binary_metrics(labels, base_proba))
    print("distilbert:  ", binary_metrics(labels, softmax(test_out.predictions, axis=-1)[:, 1]))
    trainer.save_model("models/distilbert-spam-best")


if __name__ == "__main__":
    main()
