import evaluate
import numpy as np
import yaml
from datasets import load_dataset
from transformers import AutoTokenizer, Seq2SeqTrainingArguments

CFG = yaml.safe_load(open("config.yaml"))
rouge = evaluate.load("rouge")
tokenizer = AutoTokenizer.from_pretrained(CFG["model"])


def _tok(batch):
    enc = tokenizer([CFG["prefix"] + d for d in batch["document"]],
                    max_length=CFG["max_source_length"], truncation=True)
    enc["labels"] = tokenizer(text_target=batch["summary"], max_length=CFG["max_target_length"],
                              truncation=True)["input_ids"]
    return enc


def load_splits():
    raw = load_dataset(CFG["dataset"])
    raw["validation"] = raw["validation"].shuffle(seed=CFG["seed"]).select(range(CFG["val_subset"]))
    return raw.map(_tok, batched=True, remove_columns=["document", "summary"])


def compute_metrics(eval_pred):
    preds, labels = eval_pred
    preds = np.where(preds != -100, preds, tokenizer.pad_token_id)
    labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
    out = rouge.compute(predictions=tokenizer.batch_decode(preds, skip_special_tokens=True),
                        references=tokenizer.batch_decode(labels, skip_special_tokens=True))
    return {k: round(v * 100, 2) for k, v in out.items()}


def training_args(output_dir, **overrides):
    base = dict(output_dir=output_dir, learning_rate=CFG["lr"], per_device_train_batch_size=CFG["batch_size"],
                per_device_eval_batch_size=CFG["batch_size"], predict_with_generate=True,
                generation_max_length=CFG["max_target_length"], generation_num_beams=4,
                seed=CFG["seed"], bf16=True, report_to="none")
    base.update(overrides)
    return Seq2SeqTrainingArguments(**base)
