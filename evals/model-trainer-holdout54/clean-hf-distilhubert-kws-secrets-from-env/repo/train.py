"""Fine-tune DistilHuBERT for keyword spotting on Speech Commands v0.02 (official train/validation/test)."""
import json
import os

import numpy as np
import wandb
from datasets import load_dataset
from huggingface_hub import login
from transformers import (AutoFeatureExtractor, AutoModelForAudioClassification, EarlyStoppingCallback,
                          Trainer, TrainingArguments, set_seed)

from kws_metrics import classification_metrics, majority_baseline

cfg = json.load(open("train_config.json"))
set_seed(cfg["seed"])

hf_token = os.environ.get("HF_TOKEN")
if hf_token:
    login(token=hf_token)
if os.environ.get("WANDB_API_KEY"):
    wandb.login(key=os.environ["WANDB_API_KEY"])
    report_to = ["wandb"]
else:
    report_to = []

raw = load_dataset(cfg["dataset"], cfg["dataset_config"])
labels = raw["train"].features["label"].names
id2label = dict(enumerate(labels))
label2id = {name: i for i, name in id2label.items()}

extractor = AutoFeatureExtractor.from_pretrained(cfg["model_name"], do_normalize=True)
max_len = int(extractor.sampling_rate * cfg["max_duration_s"])


def preprocess(batch):
    audio = [a["array"] for a in batch["audio"]]
    return extractor(audio, sampling_rate=extractor.sampling_rate, max_length=max_len,
                     truncation=True, padding="max_length")


encoded = raw.map(preprocess, batched=True, remove_columns=["audio", "file", "speaker_id", "utterance_id"],
                  num_proc=4)

model = AutoModelForAudioClassification.from_pretrained(
    cfg["model_name"], num_labels=len(labels), id2label=id2label, label2id=label2id)

args = TrainingArguments(
    output_dir=cfg["output_dir"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    learning_rate=cfg["learning_rate"],
    per_device_train_batch_size=cfg["batch_size"],
    per_device_eval_batch_size=cfg["batch_size"],
    num_train_epochs=cfg["epochs"],
    warmup_ratio=cfg["warmup_ratio"],
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=3,
    seed=cfg["seed"],
    report_to=report_to,
    push_to_hub=bool(hf_token),
    hub_model_id=cfg["hub_model_id"],
    hub_token=hf_token,
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=encoded["train"],
    eval_dataset=encoded["validation"],
    tokenizer=extractor,
    compute_metrics=classification_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
)
trainer.train()

test_metrics = trainer.evaluate(encoded["test"], metric_key_prefix="test")
baseline = majority_baseline(np.array(encoded["train"]["label"]), np.array(encoded["test"]["label"]))
print("majority baseline:", baseline)
print("distilhubert:", {k: v for k, v in test_metrics.items() if k.startswith("test_")})
trainer.save_model(os.path.join(cfg["output_dir"], "best"))
if hf_token:
    trainer.push_to_hub(commit_message="distilhubert speech commands v0.02")
