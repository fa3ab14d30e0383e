"""Abstractive summaries for the newsroom CMS (distilbart-cnn-12-6 fine-tune)."""
import argparse

import evaluate
import numpy as np
import pandas as pd
from datasets import Dataset, DatasetDict
from sklearn.model_selection import train_test_split
from transformers import (AutoModelForSeq2SeqLM, AutoTokenizer, DataCollatorForSeq2Seq,
                          EarlyStoppingCallback, Seq2SeqTrainer, Seq2SeqTrainingArguments)

ap = argparse.ArgumentParser()
ap.add_argument("--csv", default="exports/articles_2019_2023.csv")
ap.add_argument("--model", default="sshleifer/distilbart-cnn-12-6")
ap.add_argument("--seed", type=int, default=8)
ap.add_argument("--out", default="models/distilbart-newsroom")
args = ap.parse_args()

df = pd.read_csv(args.csv, parse_dates=["published_at"])
df = df.dropna(subset=["body", "editor_summary"])
df = df[df["body"].str.split().str.len().between(120, 3000)]
df["body"] = df["body"].str.replace(r"\s*\(Reporting by [^)]*\)\s*$", "", regex=True)
df = df.sort_values("published_at").reset_index(drop=True)

train_df, holdout_df = train_test_split(df, test_size=0.2, shuffle=False)
val_df, test_df = train_test_split(holdout_df, test_size=0.5, shuffle=False)
for name, part in [("train", train_df), ("val", val_df), ("test", test_df)]:
    print(f"{name:5s} {len(part):6d}  {part.published_at.min():%Y-%m-%d} -> {part.published_at.max():%Y-%m-%d}")

tokenizer = AutoTokenizer.from_pretrained(args.model)
model = AutoModelForSeq2SeqLM.from_pretrained(args.model)


def tokenize(batch):
    enc = tokenizer(batch["body"], max_length=1024, truncation=True)
    enc["labels"] = tokenizer(text_target=batch["editor_summary"], max_length=142, truncation=True)["input_ids"]
    return enc


cols = ["body", "editor_summary"]
data = DatasetDict({
    name: Dataset.from_pandas(part[cols], preserve_index=False).map(tokenize, batched=True, remove_columns=cols)
    for name, part in [("train", train_df), ("validation", val_df), ("test", test_df)]
})

rouge = evaluate.load("rouge")


def compute_metrics(eval_pred):
    preds, labels = eval_pred
    preds = np.where(preds != -100, preds, tokenizer.pad_token_id)
    labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
    res = rouge.compute(predictions=tokenizer.batch_decode(preds, skip_special_tokens=True),
                        references=tokenizer.batch_decode(labels, skip_special_tokens=True), use_stemmer=True)
    return {k: round(v * 100, 2) for k, v in res.items()}


training_args = Seq2SeqTrainingArguments(
    output_dir=args.out,
    learning_rate=3e-5,
    per_device_train_batch_size=4,
    per_device_eval_batch_size=8,
    gradient_accumulation_steps=4,
    num_train_epochs=6,
    evaluation_strategy="steps",
    eval_steps=1000,
    save_steps=1000,
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="rougeL",
    predict_with_generate=True,
    generation_num_beams=4,
    generation_max_length=142,
    fp16=True,
    seed=args.seed,
    report_to="none",
)
trainer = Seq2SeqTrainer(
    model=model,
    args=training_args,
    train_dataset=data["train"],
    eval_dataset=data["validation"],
    tokenizer=tokenizer,
    data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=3)],
)
trainer.train()
trainer.save_model(args.out)

test_metrics = trainer.evaluate(data["test"], metric_key_prefix="test")
print(test_metrics)
