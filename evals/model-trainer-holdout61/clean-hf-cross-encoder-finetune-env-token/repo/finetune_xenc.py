"""Fine-tune a MiniLM cross-encoder for the developer-docs re-ranker."""
import os

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from data_utils import load_pairs, per_query_metrics, split_by_query, to_hf

SEED = 13
BASE = "cross-encoder/ms-marco-MiniLM-L-6-v2"
HUB_REPO = "devdocs-search/xenc-minilm-devdocs"
MAX_LEN = 320


def compute_metrics(pred):
    logits, labels = pred
    scores = logits.reshape(-1)
    return {"auc": roc_auc_score(labels, scores), "ap": average_precision_score(labels, scores)}


@torch.no_grad()
def score_pairs(model, tokenizer, df, batch_size=64):
    model.eval()
    out = []
    for i in range(0, len(df), batch_size):
        chunk = df.iloc[i:i + batch_size]
        enc = tokenizer(list(chunk["query"]), list(chunk["passage"]), truncation=True, max_length=MAX_LEN,
                        padding=True, return_tensors="pt").to(model.device)
        out.append(model(**enc).logits.reshape(-1).float().cpu().numpy())
    return np.concatenate(out)


def main():
    set_seed(SEED)
    hf_token = os.environ.get("HF_TOKEN")
    pairs = load_pairs("data/devdocs_bm25_top50_judged.jsonl")
    train_df, valid_df, test_df = split_by_query(pairs, SEED)

    tokenizer = AutoTokenizer.from_pretrained(BASE)
    model = AutoModelForSequenceClassification.from_pretrained(BASE, num_labels=1)

    args = TrainingArguments(
        output_dir="runs/xenc_devdocs",
        learning_rate=2e-5,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=128,
        num_train_epochs=6,
        warmup_ratio=0.1,
        weight_decay=0.01,
        evaluation_strategy="steps",
        eval_steps=500,
        save_strategy="steps",
        save_steps=500,
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="ap",
        greater_is_better=True,
        seed=SEED,
        data_seed=SEED,
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=to_hf(train_df, tokenizer, MAX_LEN),
        eval_dataset=to_hf(valid_df, tokenizer, MAX_LEN),
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=3)],
    )
    trainer.train()

    test_df = test_df.copy()
    test_df["xenc"] = score_pairs(trainer.model, tokenizer, test_df)
    print("BM25           :", per_query_metrics(test_df, "bm25"))
    print("cross-encoder  :", per_query_metrics(test_df, "xenc"))

    trainer.save_model("models/xenc_devdocs_best")
    if hf_token:
        trainer.model.push_to_hub(HUB_REPO, token=hf_token, private=True)
        tokenizer.push_to_hub(HUB_REPO, token=hf_token, private=True)


if __name__ == "__main__":
    main()
