"""ViT fine-tuning on the `beans` leaf-disease dataset (train / validation / test splits).

HF_TOKEN is only needed when push_to_hub is enabled in config.json.
"""
import json
import os
import sys

from datasets import load_dataset
from torchvision.transforms import (CenterCrop, Compose, Normalize, RandomHorizontalFlip,
                                    RandomResizedCrop, Resize, ToTensor)
from transformers import (AutoImageProcessor, AutoModelForImageClassification, EarlyStoppingCallback,
                          Trainer, TrainingArguments, set_seed)

from hf_utils import collate_fn, compute_metrics, majority_baseline

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))
set_seed(cfg["seed"])
hf_token = os.environ.get("HF_TOKEN")

ds = load_dataset(cfg["dataset"])
labels = ds["train"].features["labels"].names
processor = AutoImageProcessor.from_pretrained(cfg["checkpoint"])
size = processor.size["height"]
normalize = Normalize(mean=processor.image_mean, std=processor.image_std)
train_tf = Compose([RandomResizedCrop(size), RandomHorizontalFlip(), ToTensor(), normalize])
eval_tf = Compose([Resize(size), CenterCrop(size), ToTensor(), normalize])


def apply_train(batch):
    batch["pixel_values"] = [train_tf(img.convert("RGB")) for img in batch["image"]]
    return batch


def apply_eval(batch):
    batch["pixel_values"] = [eval_tf(img.convert("RGB")) for img in batch["image"]]
    return batch


train_ds = ds["train"].with_transform(apply_train)
val_ds = ds["validation"].with_transform(apply_eval)
test_ds = ds["test"].with_transform(apply_eval)

model = AutoModelForImageClassification.from_pretrained(
    cfg["checkpoint"], num_labels=len(labels),
    id2label={i: l for i, l in enumerate(labels)}, label2id={l: i for i, l in enumerate(labels)},
)

args = TrainingArguments(
    output_dir=cfg["output_dir"],
    per_device_train_batch_size=cfg["train_batch_size"],
    per_device_eval_batch_size=cfg["eval_batch_size"],
    learning_rate=cfg["learning_rate"],
    num_train_epochs=cfg["epochs"],
    eval_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    greater_is_better=True,
    save_total_limit=2,
    remove_unused_columns=False,
    seed=cfg["seed"],
    push_to_hub=cfg["push_to_hub"] and hf_token is not None,
    hub_model_id=cfg["hub_model_id"],
    hub_token=hf_token,
    report_to="none",
)

trainer = Trainer(
    model=model,
    args=args,
    data_collator=collate_fn,
    compute_metrics=compute_metrics,
    train_dataset=train_ds,
    eval_dataset=val_ds,
    tokenizer=processor,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
)
trainer.train()

val_metrics = trainer.evaluate()
test_metrics = trainer.evaluate(eval_dataset=test_ds, metric_key_prefix="test")
baseline = majority_baseline(ds["train"]["labels"], ds["test"]["labels"])
print("validation:", val_metrics)
print("test:", test_metrics)
print("majority baseline on test:", baseline)

trainer.save_model()
trainer.save_metrics("test", test_metrics)
if args.push_to_hub:
    trainer.push_to_hub(commit_message=f"test macro-F1 {test_metrics['test_macro_f1']:.3f}")
