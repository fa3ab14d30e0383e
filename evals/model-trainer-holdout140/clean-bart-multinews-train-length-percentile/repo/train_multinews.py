"""BART-base on Multi-News (multi-document news summarisation)."""
import json
import os

import evaluate
import nltk
import numpy as np
from datasets import load_dataset
from transformers import (AutoModelForSeq2SeqLM, AutoTokenizer, DataCollatorForSeq2Seq,
                          Seq2SeqTrainer, Seq2SeqTrainingArguments)

nltk.download("punkt", quiet=True)
CKPT = "facebook/bart-base"
OUT = "runs/bart-base-multinews"
SEED = 2718

ds = load_dataset("multi_news")
tokenizer = AutoTokenizer.from_pretrained(CKPT)
model = AutoModelForSeq2SeqLM.from_pretrained(CKPT)

# Target length budget from the training summaries (95th pct in BART tokens).
probe = ds["train"].shuffle(seed=SEED).select(range(5000))
tgt_lens = [len(ids) for ids in tokenizer(probe["summary"])["input_ids"]]
MAX_TGT = int(np.percentile(tgt_lens, 95))
MAX_SRC = 1024
print("max target tokens:", MAX_TGT)


def preprocess(batch):
    # multi_news separates the source articles with "|||||"
    docs = [d.replace("|||||", " </s> ") for d in batch["document"]]
    enc = tokenizer(docs, max_length=MAX_SRC, truncation=True)
    enc["labels"] = tokenizer(text_target=batch["summary"], max_length=MAX_TGT, truncation=True)["input_ids"]
    return enc


tokenized = ds.map(preprocess, batched=True, remove_columns=ds["train"].column_names)
rouge = evaluate.load("rouge")


def compute_metrics(eval_pred):
    preds, labels = eval_pred
    preds = np.where(preds != -100, preds, tokenizer.pad_token_id)
    labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
    p = ["\n".join(nltk.sent_tokenize(x.strip())) for x in tokenizer.batch_decode(preds, skip_special_tokens=True)]
    r = ["\n".join(nltk.sent_tokenize(x.strip())) for x in tokenizer.batch_decode(labels, skip_special_tokens=True)]
    out = rouge.compute(predictions=p, references=r, use_stemmer=True)
    return {k: round(v * 100, 2) for k, v in out.items()}


args = Seq2SeqTrainingArguments(
    output_dir=OUT,
    learning_rate=4e-5,
    per_device_train_batch_size=4,
    per_device_eval_batch_size=8,
    gradient_accumulation_steps=8,
    num_train_epochs=5,
    warmup_steps=500,
    label_smoothing_factor=0.1,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="rouge2",
    predict_with_generate=True,
    generation_max_length=MAX_TGT,
    generation_num_beams=4,
    fp16=True,
    seed=SEED,
    data_seed=SEED,
    report_to="none",
)

trainer = Seq2SeqTrainer(
    model=model,
    args=args,
    train_dataset=tokenized["train"],
    eval_dataset=tokenized["validation"],
    tokenizer=tokenizer,
    data_collator=DataCollatorForSeq2Seq(tokenizer, model=model, label_pad_token_id=-100),
    compute_metrics=compute_metrics,
)
trainer.train()
trainer.save_model(os.path.join(OUT, "best"))

test_out = trainer.predict(tokenized["test"], metric_key_prefix="test")
with open(os.path.join(OUT, "test_metrics.json"), "w") as f:
    json.dump(test_out.metrics, f, indent=2)
print(json.dumps(test_out.metrics, indent=2))
