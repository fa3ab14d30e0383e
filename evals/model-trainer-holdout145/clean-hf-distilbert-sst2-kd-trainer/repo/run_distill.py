"""Distil a fine-tuned BERT-base SST-2 teacher into DistilBERT.

Model selection uses a 5% dev split carved out of GLUE train; the official GLUE validation set
(872 sentences, labelled) is kept aside as the test set and evaluated once at the end.
"""
import os

import evaluate
import numpy as np
from datasets import load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, TrainingArguments, set_seed)

from distill_trainer import DistillationTrainer

SEED = 42
TEACHER = "acme-nlp/bert-base-uncased-sst2-teacher"
STUDENT = "distilbert-base-uncased"
set_seed(SEED)

raw = load_dataset("glue", "sst2")
split = raw["train"].train_test_split(test_size=0.05, stratify_by_column="label", seed=SEED)
train_ds, dev_ds, test_ds = split["train"], split["test"], raw["validation"]

tok = AutoTokenizer.from_pretrained(STUDENT)  # same uncased WordPiece vocab as the teacher


def encode(batch):
    return tok(batch["sentence"], truncation=True, max_length=128)


cols = ["sentence", "idx"]
train_ds = train_ds.map(encode, batched=True, remove_columns=cols)
dev_ds = dev_ds.map(encode, batched=True, remove_columns=cols)
test_ds = test_ds.map(encode, batched=True, remove_columns=cols)

teacher = AutoModelForSequenceClassification.from_pretrained(TEACHER, token=os.environ.get("HF_TOKEN"))
student = AutoModelForSequenceClassification.from_pretrained(STUDENT, num_labels=2)

accuracy = evaluate.load("accuracy")


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    return accuracy.compute(predictions=np.argmax(logits, axis=-1), references=labels)


args = TrainingArguments(
    output_dir="out/distilbert-sst2-kd",
    num_train_epochs=5,
    per_device_train_batch_size=64,
    per_device_eval_batch_size=256,
    learning_rate=5e-5,
    warmup_ratio=0.06,
    weight_decay=0.01,
    evaluation_strategy="steps",
    eval_steps=500,
    save_steps=500,
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="accuracy",
    fp16=True,
    seed=SEED,
    report_to="none",
)

trainer = DistillationTrainer(
    model=student,
    args=args,
    teacher_model=teacher,
    temperature=4.0,
    alpha=0.7,
    train_dataset=train_ds,
    eval_dataset=dev_ds,
    tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=4)],
)
trainer.train()

dev_metrics = trainer.evaluate()
test_metrics = trainer.evaluate(eval_dataset=test_ds, metric_key_prefix="test")
print(f"dev acc {dev_metrics['eval_accuracy']:.4f} | SST-2 (GLUE val as test) acc {test_metrics['test_accuracy']:.4f}")
trainer.save_model("out/distilbert-sst2-kd/best")
