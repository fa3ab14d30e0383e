"""Fine-tune SegFormer-B1 on warehouse floor scenes (floor / racking / pallet / forklift / person / marking).

Credentials come from the environment (HF_TOKEN for the private dataset and the Hub push, WANDB_API_KEY for logging).
"""
import json
import os

import evaluate
import numpy as np
import torch
from datasets import load_dataset
from sklearn.model_selection import GroupShuffleSplit
from torchvision.transforms import ColorJitter
from transformers import (EarlyStoppingCallback, SegformerForSemanticSegmentation, SegformerImageProcessor, Trainer,
                          TrainingArguments, set_seed)

cfg = json.load(open("train_config.json"))
set_seed(cfg["seed"])
HF_TOKEN = os.environ["HF_TOKEN"]
os.environ.setdefault("WANDB_PROJECT", "warehouse-floor-seg")

ds = load_dataset(cfg["dataset_repo"], split="train", token=HF_TOKEN)
id2label = {0: "floor", 1: "racking", 2: "pallet", 3: "forklift", 4: "person", 5: "marking", 6: "other"}
label2id = {v: k for k, v in id2label.items()}

scenes = np.array(ds["scene_id"])
outer = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=cfg["seed"])
dev_idx, test_idx = next(outer.split(scenes, groups=scenes))
inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=cfg["seed"])
tr, va = next(inner.split(dev_idx, groups=scenes[dev_idx]))
train_ds, val_ds, test_ds = ds.select(dev_idx[tr]), ds.select(dev_idx[va]), ds.select(test_idx)
print(f"train {len(train_ds)} / val {len(val_ds)} / test {len(test_ds)} frames")

processor = SegformerImageProcessor.from_pretrained(cfg["base_checkpoint"], do_reduce_labels=False)
jitter = ColorJitter(brightness=0.25, contrast=0.25, saturation=0.25, hue=0.05)


def train_transforms(batch):
    images = [jitter(x.convert("RGB")) for x in batch["image"]]
    return processor(images, [m for m in batch["mask"]], return_tensors="pt")


def eval_transforms(batch):
    return processor([x.convert("RGB") for x in batch["image"]], [m for m in batch["mask"]], return_tensors="pt")


train_ds.set_transform(train_transforms)
val_ds.set_transform(eval_transforms)
test_ds.set_transform(eval_transforms)

metric = evaluate.load("mean_iou")


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    with torch.no_grad():
        logits = torch.nn.functional.interpolate(torch.from_numpy(logits), size=labels.shape[-2:],
                                                 mode="bilinear", align_corners=False)
        preds = logits.argmax(dim=1).numpy()
    res = metric.compute(predictions=preds, references=labels, num_labels=len(id2label), ignore_index=255,
                         reduce_labels=False)
    out = {"mean_iou": res["mean_iou"], "mean_accuracy": res["mean_accuracy"],
           "overall_accuracy": res["overall_accuracy"]}
    out.update({f"iou_{id2label[i]}": v for i, v in enumerate(res["per_category_iou"])})
    return out


def majority_class_baseline(train_split, eval_split):
    counts = np.zeros(len(id2label))
    for m in train_split.with_format(None)["mask"]:
        counts += np.bincount(np.array(m).ravel(), minlength=256)[:len(id2label)]
    majority = int(counts.argmax())
    refs = [np.array(m) for m in eval_split.with_format(None)["mask"]]
    res = metric.compute(predictions=[np.full_like(r, majority) for r in refs], references=refs,
                         num_labels=len(id2label), ignore_index=255, reduce_labels=False)
    return {"mean_iou": res["mean_iou"], "overall_accuracy": res["overall_accuracy"]}


model = SegformerForSemanticSegmentation.from_pretrained(
    cfg["base_checkpoint"], id2label=id2label, label2id=label2id, ignore_mismatched_sizes=True)

args = TrainingArguments(
    output_dir=cfg["output_dir"],
    learning_rate=cfg["learning_rate"],
    num_train_epochs=cfg["epochs"],
    per_device_train_batch_size=cfg["train_batch_size"],
    per_device_eval_batch_size=cfg["eval_batch_size"],
    lr_scheduler_type="polynomial",
    warmup_ratio=0.05,
    bf16=True,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=3,
    load_best_model_at_end=True,
    metric_for_best_model="mean_iou",
    greater_is_better=True,
    remove_unused_columns=False,
    seed=cfg["seed"],
    report_to=["wandb"],
    push_to_hub=True,
    hub_model_id=cfg["hub_model_id"],
    hub_private_repo=True,
    hub_token=HF_TOKEN,
)
trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds,
                  compute_metrics=compute_metrics,
                  callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])])
trainer.train()

test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
baseline = majority_class_baseline(train_ds, test_ds)
print(json.dumps({"segformer": test_metrics, "majority_class": baseline}, indent=2))
trainer.push_to_hub(commit_message=f"test mIoU {test_metrics['test_mean_iou']:.4f}")
