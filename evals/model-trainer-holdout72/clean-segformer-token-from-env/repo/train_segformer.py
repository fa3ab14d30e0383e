"""Fine-tune SegFormer-B2 on the internal 9-class land-cover tile dataset."""
import json
import os
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from datasets import load_dataset
from transformers import (EarlyStoppingCallback, SegformerForSemanticSegmentation,
                          SegformerImageProcessor, Trainer, TrainingArguments, set_seed)

from seg_metrics import confusion_from_logits, summarize

CFG = json.loads(Path("segformer_config.json").read_text())
HF_TOKEN = os.environ["HF_TOKEN"]
ID2LABEL = {i: name for i, name in enumerate(CFG["classes"])}


def main():
    set_seed(CFG["seed"])
    ds = load_dataset(CFG["dataset"], token=HF_TOKEN)
    processor = SegformerImageProcessor.from_pretrained(CFG["base_model"], do_reduce_labels=False)

    def transform(batch):
        enc = processor(images=batch["image"], segmentation_maps=batch["mask"], return_tensors="pt")
        return {"pixel_values": enc["pixel_values"], "labels": enc["labels"]}

    train_ds = ds["train"].with_transform(transform)
    val_ds = ds["validation"].with_transform(transform)
    test_ds = ds["test"].with_transform(transform)

    model = SegformerForSemanticSegmentation.from_pretrained(
        CFG["base_model"], num_labels=len(ID2LABEL), id2label=ID2LABEL,
        label2id={v: k for k, v in ID2LABEL.items()}, ignore_mismatched_sizes=True)

    def compute_metrics(eval_pred):
        logits, labels = eval_pred
        logits = torch.from_numpy(logits)
        up = F.interpolate(logits, size=labels.shape[-2:], mode="bilinear", align_corners=False)
        cm = confusion_from_logits(up.argmax(1).numpy(), labels, len(ID2LABEL), ignore_index=255)
        return summarize(cm, CFG["classes"])

    args = TrainingArguments(
        output_dir=CFG["output_dir"],
        learning_rate=CFG["lr"],
        num_train_epochs=CFG["epochs"],
        per_device_train_batch_size=CFG["batch_size"],
        per_device_eval_batch_size=CFG["batch_size"],
        weight_decay=0.01,
        warmup_ratio=0.05,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="mean_iou",
        greater_is_better=True,
        eval_accumulation_steps=8,
        remove_unused_columns=False,
        seed=CFG["seed"],
        report_to="none",
        push_to_hub=False,
    )
    trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds,
                      compute_metrics=compute_metrics,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=CFG["patience"])])
    trainer.train()

    test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
    train_labels = np.concatenate([np.asarray(m).ravel() for m in ds["train"]["mask"]])
    train_labels = train_labels[train_labels != 255]
    majority = int(np.bincount(train_labels, minlength=len(ID2LABEL)).argmax())
    test_labels = [np.asarray(m) for m in ds["test"]["mask"]]
    cm_base = sum(confusion_from_logits(np.full_like(m, majority)[None], m[None], len(ID2LABEL), 255)
                  for m in test_labels)
    baseline = summarize(cm_base, CFG["classes"])
    print("majority-class baseline:", {k: round(baseline[k], 4) for k in ("mean_iou", "pixel_accuracy")})
    print("segformer test:", {k: round(v, 4) for k, v in test_metrics.items() if isinstance(v, float)})

    trainer.save_model(CFG["output_dir"] + "/best")
    if CFG.get("push_to_hub"):
        trainer.model.push_to_hub(CFG["hub_repo"], token=HF_TOKEN, private=True)
        processor.push_to_hub(CFG["hub_repo"], token=HF_TOKEN, private=True)


if __name__ == "__main__":
    main()
