"""Fine-tune BLIP-base on product photos -> short catalogue descriptions and push to the Hub."""
import json
import os

import torch
import yaml
from datasets import load_dataset
from huggingface_hub import login
from transformers import (BlipForConditionalGeneration, BlipProcessor, EarlyStoppingCallback, Trainer,
                          TrainingArguments, set_seed)

from caption_metrics import caption_scores, generate_captions

cfg = yaml.safe_load(open("train_config.yaml"))
set_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

hf_token = os.environ["HF_TOKEN"]
login(token=hf_token)
if not os.environ.get("WANDB_API_KEY"):
    os.environ["WANDB_DISABLED"] = "true"

processor = BlipProcessor.from_pretrained(cfg["base_model"])
ds = load_dataset(cfg["dataset_repo"], token=hf_token)  # splits: train / validation / test
print(ds)


def transform(batch):
    enc = processor(images=batch["image"], text=batch["description"], padding="max_length",
                    truncation=True, max_length=cfg["max_length"], return_tensors="pt")
    labels = enc["input_ids"].clone()
    labels[enc["attention_mask"] == 0] = -100
    enc["labels"] = labels
    return enc


train_ds = ds["train"].with_transform(transform)
val_ds = ds["validation"].with_transform(transform)

pretrained = BlipForConditionalGeneration.from_pretrained(cfg["base_model"]).to(device)
test_refs = ds["test"]["description"]
baseline_test = caption_scores(generate_captions(pretrained, processor, ds["test"], device), test_refs)
del pretrained

model = BlipForConditionalGeneration.from_pretrained(cfg["base_model"])
args = TrainingArguments(
    output_dir=cfg["output_dir"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="eval_loss",
    greater_is_better=False,
    save_total_limit=2,
    remove_unused_columns=False,
    fp16=torch.cuda.is_available(),
    seed=cfg["seed"],
    data_seed=cfg["seed"],
    report_to="wandb" if os.environ.get("WANDB_API_KEY") else "none",
    push_to_hub=True,
    hub_model_id=cfg["hub_model_id"],
    hub_private_repo=True,
    **cfg["train"],
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=val_ds,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
)
trainer.train()
print("best checkpoint:", trainer.state.best_model_checkpoint, "val loss:", trainer.state.best_metric)

val_scores = caption_scores(generate_captions(trainer.model, processor, ds["validation"], device),
                            ds["validation"]["description"])
test_scores = caption_scores(generate_captions(trainer.model, processor, ds["test"], device), test_refs)
report = {"val": val_scores, "test": test_scores, "test_pretrained_baseline": baseline_test}
print(json.dumps(report, indent=2))
with open(os.path.join(cfg["output_dir"], "caption_report.json"), "w") as f:
    json.dump(report, f, indent=2)
trainer.push_to_hub(commit_message="BLIP fashion captions, best val loss")
