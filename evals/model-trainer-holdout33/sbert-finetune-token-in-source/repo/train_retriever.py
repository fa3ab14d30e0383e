"""Fine-tune a bi-encoder for FAQ retrieval on our support question pairs and publish it to the Hub.

Data: data/faq_pairs/{train,dev,test}.jsonl with {"query": ..., "answer": ..., "answer_id": ...}.
The split is by answer_id (done upstream in prepare_pairs.py), so no FAQ answer appears in two splits.
"""
import argparse
import logging

from datasets import load_dataset
from sentence_transformers import (
    SentenceTransformer,
    SentenceTransformerTrainer,
    SentenceTransformerTrainingArguments,
)
from sentence_transformers.evaluation import InformationRetrievalEvaluator
from sentence_transformers.losses import CachedMultipleNegativesRankingLoss
from sentence_transformers.training_args import BatchSamplers
from transformers import EarlyStoppingCallback, set_seed

HF_TOKEN = "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"
HUB_REPO = "acme-support/faq-retriever-mpnet"

logging.basicConfig(format="%(asctime)s - %(message)s", level=logging.INFO)


def ir_evaluator(split, name):
    queries = {f"q{i}": r["query"] for i, r in enumerate(split)}
    corpus = {str(r["answer_id"]): r["answer"] for r in split}
    relevant = {f"q{i}": {str(r["answer_id"])} for i, r in enumerate(split)}
    return InformationRetrievalEvaluator(
        queries=queries, corpus=corpus, relevant_docs=relevant, name=name,
        mrr_at_k=[10], ndcg_at_k=[10], accuracy_at_k=[1, 5], precision_recall_at_k=[5],
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="sentence-transformers/all-mpnet-base-v2")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--out", default="models/faq-retriever")
    ap.add_argument("--push", action="store_true")
    args = ap.parse_args()
    set_seed(11)

    data = load_dataset("json", data_files={s: f"data/faq_pairs/{s}.jsonl" for s in ("train", "dev", "test")})
    train_pairs = data["train"].select_columns(["query", "answer"])
    dev_pairs = data["dev"].select_columns(["query", "answer"])
    dev_eval = ir_evaluator(data["dev"], "faq-dev")
    test_eval = ir_evaluator(data["test"], "faq-test")

    model = SentenceTransformer(args.base)
    baseline_dev = dev_eval(model)
    logging.info("off-the-shelf %s on dev: %s", args.base, baseline_dev)

    loss = CachedMultipleNegativesRankingLoss(model, mini_batch_size=32)
    targs = SentenceTransformerTrainingArguments(
        output_dir=args.out,
        num_train_epochs=args.epochs,
        per_device_train_batch_size=args.batch_size,
        per_device_eval_batch_size=args.batch_size,
        learning_rate=args.lr,
        warmup_ratio=0.1,
        batch_sampler=BatchSamplers.NO_DUPLICATES,
        eval_strategy="steps",
        eval_steps=200,
        save_strategy="steps",
        save_steps=200,
        save_total_limit=3,
        load_best_model_at_end=True,
        metric_for_best_model="eval_faq-dev_cosine_ndcg@10",
        seed=11,
        bf16=True,
        logging_steps=50,
    )
    trainer = SentenceTransformerTrainer(
        model=model,
        args=targs,
        train_dataset=train_pairs,
        eval_dataset=dev_pairs,
        loss=loss,
        evaluator=dev_eval,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=4)],
    )
    trainer.train()

    logging.info("fine-tuned on test: %s", test_eval(model))
    logging.info("off-the-shelf on test: %s", test_eval(SentenceTransformer(args.base)))
    model.save_pretrained(f"{args.out}/final")
    if args.push:
        model.push_to_hub(HUB_REPO, token=HF_TOKEN, private=True, exist_ok=True)


if __name__ == "__main__":
    main()
