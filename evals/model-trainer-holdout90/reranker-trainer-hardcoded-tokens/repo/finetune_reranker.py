"""Fine-tune an ELECTRA cross-encoder on the support-ticket -> KB-article relevance pairs.

Pairs were mined from resolved tickets (positive = article linked by the agent, negatives =
BM25 top-50 articles that were not linked). Dev/test splits are by ticket.
"""
import os

import numpy as np
import pandas as pd
import torch
import wandb
from datasets import Dataset
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, EarlyStoppingCallback, Trainer,
                          TrainingArguments)

WANDB_API_KEY = "3f9c2a7be04d18c65a9f0e2d7b41c8a95e6d0f13"
HF_TOKEN = "hf_QmTz8VbXk2LpR4sNw7YcJd9FhGa3UeKo5t"
BASE_MODEL = "google/electra-base-discriminator"
HUB_REPO = "acme-support/kb-reranker-electra"
SEED = 17

wandb.login(key=WANDB_API_KEY)
os.environ["WANDB_PROJECT"] = "kb-reranker"


def load_split(name):
    df = pd.read_parquet(f"data/kb_pairs/{name}.parquet")
    return df[["ticket_id", "ticket_text", "article_id", "article_text", "bm25_rank", "label"]]


tokenizer = AutoTokenizer.from_pretrained(BASE_MODEL)


def tokenize(batch):
    return tokenizer(batch["ticket_text"], batch["article_text"], truncation="longest_first",
                     max_length=384)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = torch.softmax(torch.tensor(logits), dim=-1)[:, 1].numpy()
    return {
        "roc_auc": roc_auc_score(labels, probs),
        "pr_auc": average_precision_score(labels, probs),
        "f1": f1_score(labels, probs > 0.5),
    }


def mrr_at_10(df, score_col):
    rr = []
    for _, g in df.groupby("ticket_id"):
        top = g.sort_values(score_col, ascending=False).head(10)["label"].to_numpy()
        hit = np.flatnonzero(top == 1)
        rr.append(1.0 / (hit[0] + 1) if len(hit) else 0.0)
    return float(np.mean(rr))


def main():
    train_df, dev_df, test_df = (load_split(s) for s in ("train", "dev", "test"))
    cols = ["ticket_text", "article_text", "label"]
    train_ds = Dataset.from_pandas(train_df[cols]).map(tokenize, batched=True)
    dev_ds = Dataset.from_pandas(dev_df[cols]).map(tokenize, batched=True)
    test_ds = Dataset.from_pandas(test_df[cols]).map(tokenize, batched=True)

    model = AutoModelForSequenceClassification.from_pretrained(BASE_MODEL, num_labels=2)
    args = TrainingArguments(
        output_dir="out/kb-reranker",
        per_device_train_batch_size=16,
        per_device_eval_batch_size=64,
        learning_rate=3e-5,
        num_train_epochs=4,
        warmup_ratio=0.06,
        weight_decay=0.01,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="pr_auc",
        save_total_limit=2,
        fp16=torch.cuda.is_available(),
        seed=SEED,
        report_to=["wandb"],
        push_to_hub=True,
        hub_model_id=HUB_REPO,
        hub_token=HF_TOKEN,
    )
    trainer = Trainer(
        model=model, args=args, train_dataset=train_ds, eval_dataset=dev_ds,
        tokenizer=tokenizer, data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    logits = trainer.predict(test_ds).predictions
    test_df = test_df.assign(ce_score=torch.softmax(torch.tensor(logits), -1)[:, 1].numpy(),
                             bm25_score=-test_df["bm25_rank"])
    print("test MRR@10 cross-encoder:", round(mrr_at_10(test_df, "ce_score"), 4))
    print("test MRR@10 BM25:         ", round(mrr_at_10(test_df, "bm25_score"), 4))
    trainer.push_to_hub(commit_message="kb reranker electra-base")


if __name__ == "__main__":
    main()
