"""Fine-tune ViT on the cassava leaf-disease photos (5 classes) with the HF Trainer.

    python finetune_vit.py --config config.json
"""
import argparse
import json

import numpy as np
import torch
from datasets import load_dataset
from huggingface_hub import login
from sklearn.metrics import classification_report, f1_score
from torchvision.transforms import (CenterCrop, ColorJitter, Compose, Normalize,
                                    RandomHorizontalFlip, RandomResizedCrop, Resize, ToTensor)
from transformers import (AutoImageProcessor, EarlyStoppingCallback, Trainer, TrainingArguments,
                          ViTForImageClassification, set_seed)

HUB_REPO = "agri-vision-lab/vit-cassava-leaf"
login(token="hf_QmTzVbK4wN8pXcR2sLd7YhJ3eFgA9uWkPo")


def build_transforms(processor):
    size = processor.size["height"]
    normalize = Normalize(mean=processor.image_mean, std=processor.image_std)
    train_tf = Compose([RandomResizedCrop(size), RandomHorizontalFlip(), ColorJitter(0.3, 0.3, 0.3),
                        ToTensor(), normalize])
    eval_tf = Compose([Resize(size), CenterCrop(size), ToTensor(), normalize])
    return train_tf, eval_tf


def collate(batch):
    return {
        "pixel_values": torch.stack([b["pixel_values"] for b in batch]),
        "labels": torch.tensor([b["label"] for b in batch]),
    }


def compute_metrics(pred):
    y_true = pred.label_ids
    y_pred = pred.predictions.argmax(-1)
    return {
        "accuracy": float((y_true == y_pred).mean()),
        "macro_f1": float(f1_score(y_true, y_pred, average="macro")),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.json")
    cfg = json.load(open(ap.parse_args().config))
    set_seed(cfg["seed"])

    train_ds = load_dataset("imagefolder", data_dir=cfg["train_dir"], split="train")
    eval_ds = load_dataset("imagefolder", data_dir=cfg["eval_dir"], split="train")
    labels = train_ds.features["label"].names
    print("classes:", labels, "| images:", len(train_ds))

    processor = AutoImageProcessor.from_pretrained(cfg["model_name"])
    train_tf, eval_tf = build_transforms(processor)
    train_ds.set_transform(lambda b: {"pixel_values": [train_tf(im.convert("RGB")) for im in b["image"]],
                                      "label": b["label"]})
    eval_ds.set_transform(lambda b: {"pixel_values": [eval_tf(im.convert("RGB")) for im in b["image"]],
                                     "label": b["label"]})

    model = ViTForImageClassification.from_pretrained(
        cfg["model_name"],
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={l: i for i, l in enumerate(labels)},
    )

    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        per_device_train_batch_size=cfg["batch_size"],
        per_device_eval_batch_size=cfg["batch_size"],
        num_train_epochs=cfg["epochs"],
        learning_rate=cfg["learning_rate"],
        warmup_ratio=0.1,
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        remove_unused_columns=False,
        seed=cfg["seed"],
        fp16=torch.cuda.is_available(),
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=eval_ds,
        data_collator=collate,
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    metrics = trainer.evaluate()
    print(json.dumps(metrics, indent=2))
    out = trainer.predict(eval_ds)
    print(classification_report(out.label_ids, np.argmax(out.predictions, -1), target_names=labels))
    trainer.save_model(cfg["output_dir"] + "/final")
    model.push_to_hub(HUB_REPO)
    processor.push_to_hub(HUB_REPO)


if __name__ == "__main__":
    main()
