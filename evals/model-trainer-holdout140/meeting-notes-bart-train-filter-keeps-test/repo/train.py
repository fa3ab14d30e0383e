import logging

import evaluate
import numpy as np
import yaml
from transformers import (AutoModelForSeq2SeqLM, AutoTokenizer, DataCollatorForSeq2Seq,
                          Seq2SeqTrainer, Seq2SeqTrainingArguments)

from data import load_frames, to_dataset

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("train")

cfg = yaml.safe_load(open("config.yaml"))
t = cfg["train"]

tokenizer = AutoTokenizer.from_pretrained(cfg["model"]["name"])
model = AutoModelForSeq2SeqLM.from_pretrained(cfg["model"]["name"])

train_df, dev_df, test_df = load_frames(cfg)
log.info("meetings: train=%d dev=%d test=%d", len(train_df), len(dev_df), len(test_df))
train_ds = to_dataset(train_df, tokenizer, cfg)
dev_ds = to_dataset(dev_df, tokenizer, cfg)
test_ds = to_dataset(test_df, tokenizer, cfg)

rouge = evaluate.load("rouge")


def compute_metrics(eval_pred):
    preds, labels = eval_pred
    preds = np.where(preds != -100, preds, tokenizer.pad_token_id)
    labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
    res = rouge.compute(predictions=tokenizer.batch_decode(preds, skip_special_tokens=True),
                        references=tokenizer.batch_decode(labels, skip_special_tokens=True),
                        use_stemmer=True)
    return {k: round(100 * v, 2) for k, v in res.items()}


args = Seq2SeqTrainingArguments(
    output_dir=t["output_dir"],
    learning_rate=t["lr"],
    per_device_train_batch_size=t["batch_size"],
    per_device_eval_batch_size=t["batch_size"],
    gradient_accumulation_steps=t["grad_accum"],
    num_train_epochs=t["epochs"],
    seed=t["seed"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="rouge2",
    predict_with_generate=True,
    generation_max_length=cfg["model"]["max_target_length"],
    generation_num_beams=t["beams"],
    gradient_checkpointing=True,
    fp16=True,
)

trainer = Seq2SeqTrainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=dev_ds,
    tokenizer=tokenizer,
    data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
    compute_metrics=compute_metrics,
)
trainer.train()

metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
trainer.save_metrics("test", metrics)
log.info("test: %s", metrics)
