"""Fine-tune DistilBERT to flag anomalous HDFS block sessions from their log templates."""
import numpy as np
import pandas as pd
from datasets import Dataset, DatasetDict
from huggingface_hub import HfApi
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_fscore_support
from sklearn.model_selection import train_test_split
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

MODEL_NAME = "distilbert-base-uncased"
HUB_REPO = "sre-ml/hdfs-session-anomaly-distilbert"
HF_TOKEN = "hf_jVm410IgrWvPITu4T6h5xaryWf1FGN5SeW"
SEED = 97
MAX_LEN = 384


def load_sessions(path="data/hdfs_sessions.parquet"):
    df = pd.read_parquet(path)
    # one row per block_id: event templates in order of occurrence
    df["text"] = df["templates"].apply(lambda ts: " [SEP] ".join(ts))
    df["label"] = (df["label"] == "Anomaly").astype(int)
    return df[["block_id", "text", "label"]]


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    preds = logits.argmax(axis=1)
    p, r, f1, _ = precision_recall_fscore_support(labels, preds, average="binary", zero_division=0)
    return {"precision": p, "recall": r, "f1": f1, "pr_auc": average_precision_score(labels, probs[:, 1])}


def main():
    set_seed(SEED)
    df = load_sessions()
    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df["label"], random_state=SEED)
    train_df, val_df = train_test_split(train_df, test_size=0.1, stratify=train_df["label"], random_state=SEED)

    tfidf = TfidfVectorizer(token_pattern=r"[^ ]+", ngram_range=(1, 2), min_df=2)
    baseline = LogisticRegression(max_iter=3000, class_weight="balanced")
    baseline.fit(tfidf.fit_transform(train_df["text"]), train_df["label"])
    base_scores = baseline.predict_proba(tfidf.transform(test_df["text"]))[:, 1]
    print("tfidf+logreg test PR-AUC", average_precision_score(test_df["label"], base_scores),
          "F1", f1_score(test_df["label"], base_scores > 0.5))

    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)
    ds = DatasetDict({
        name: Dataset.from_pandas(part[["text", "label"]], preserve_index=False)
        for name, part in [("train", train_df), ("validation", val_df), ("test", test_df)]
    })
    ds = ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=MAX_LEN), batched=True)

    model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=2)
    args = TrainingArguments(
        output_dir="checkpoints/hdfs-distilbert",
        learning_rate=3e-5,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        num_train_epochs=6,
        weight_decay=0.01,
        warmup_ratio=0.06,
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="pr_auc",
        save_total_limit=2,
        seed=SEED,
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=ds["train"],
        eval_dataset=ds["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()
    test_metrics = trainer.evaluate(ds["test"], metric_key_prefix="test")
    print(test_metrics)

    trainer.save_model("artifacts/hdfs-distilbert")
    tokenizer.save_pretrained("artifacts/hdfs-distilbert")
    api = HfApi(token=HF_TOKEN)
    api.create_repo(HUB_REPO, private=True, exist_ok=True)
    api.upload_folder(folder_path="artifacts/hdfs-distilbert", repo_id=HUB_REPO,
                      commit_message=f"test pr_auc={test_metrics['test_pr_auc']:.4f}")


if __name__ == "__main__":
    main()
