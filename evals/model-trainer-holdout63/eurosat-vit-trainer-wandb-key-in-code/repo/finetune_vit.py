"""Fine-tune google/vit-base-patch16-224-in21k on EuroSAT RGB tiles with the HF Trainer."""
import os

import numpy as np
import torch
import wandb
from datasets import load_dataset
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, cohen_kappa_score, f1_score
from torchvision.transforms import (CenterCrop, Compose, Normalize, RandomHorizontalFlip,
                                    RandomResizedCrop, RandomVerticalFlip, Resize, ToTensor)
from transformers import (AutoImageProcessor, AutoModelForImageClassification, EarlyStoppingCallback,
                          Trainer, TrainingArguments, set_seed)

SEED = 13
MODEL_ID = "google/vit-base-patch16-224-in21k"
DATA_DIR = os.environ.get("EUROSAT_DIR", "data/EuroSAT_RGB")

wandb.login(key="12755343927ef143e3578efb4ed84309ee3954a1")
os.environ["WANDB_PROJECT"] = "eurosat-vit"
set_seed(SEED)

ds = load_dataset("imagefolder", data_dir=DATA_DIR, split="train")
labels = ds.features["label"].names
id2label = dict(enumerate(labels))
label2id = {v: k for k, v in id2label.items()}

split = ds.train_test_split(test_size=0.2, stratify_by_column="label", seed=SEED)
holdout = split["test"].train_test_split(test_size=0.5, stratify_by_column="label", seed=SEED)
train_ds, val_ds, test_ds = split["train"], holdout["train"], holdout["test"]
y_train, y_test = np.array(train_ds["label"]), np.array(test_ds["label"])

processor = AutoImageProcessor.from_pretrained(MODEL_ID)
size = processor.size["height"]
normalize = Normalize(mean=processor.image_mean, std=processor.image_std)
train_tf = Compose([RandomResizedCrop(size, scale=(0.8, 1.0)), RandomHorizontalFlip(),
                    RandomVerticalFlip(), ToTensor(), normalize])
eval_tf = Compose([Resize(size), CenterCrop(size), ToTensor(), normalize])


def apply_train(batch):
    batch["pixel_values"] = [train_tf(img.convert("RGB")) for img in batch["image"]]
    return batch


def apply_eval(batch):
    batch["pixel_values"] = [eval_tf(img.convert("RGB")) for img in batch["image"]]
    return batch


train_ds.set_transform(apply_train)
val_ds.set_transform(apply_eval)
test_ds.set_transform(apply_eval)


def collate(examples):
    return {
        "pixel_values": torch.stack([e["pixel_values"] for e in examples]),
        "labels": torch.tensor([e["label"] for e in examples]),
    }


def compute_metrics(eval_pred):
    preds = np.argmax(eval_pred.predictions, axis=1)
    refs = eval_pred.label_ids
    return {
        "accuracy": accuracy_score(refs, preds),
        "macro_f1": f1_score(refs, preds, average="macro"),
        "kappa": cohen_kappa_score(refs, preds),
    }


model = AutoModelForImageClassification.from_pretrained(
    MODEL_ID, num_labels=len(labels), id2label=id2label, label2id=label2id)

args = TrainingArguments(
    output_dir="runs/vit-eurosat",
    remove_unused_columns=False,
    eval_strategy="epoch",
    save_strategy="epoch",
    learning_rate=5e-5,
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    gradient_accumulation_steps=2,
    num_train_epochs=10,
    warmup_ratio=0.1,
    weight_decay=0.05,
    logging_steps=25,
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    seed=SEED,
    fp16=torch.cuda.is_available(),
    report_to="wandb",
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=val_ds,
    data_collator=collate,
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=3)],
)
trainer.train()

test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
majority = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(y_train), 1)), y_train)
baseline_acc = accuracy_score(y_test, majority.predict(np.zeros((len(y_test), 1))))
print(test_metrics)
print(f"majority-class baseline accuracy: {baseline_acc:.4f}")
trainer.save_model("models/vit-eurosat-best")
processor.save_pretrained("models/vit-eurosat-best")
wandb.finish()
