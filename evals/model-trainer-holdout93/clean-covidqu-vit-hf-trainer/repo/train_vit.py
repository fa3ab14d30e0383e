"""ViT-B/16 fine-tuning on COVID-QU-Ex (COVID-19 / Non-COVID infection / Normal) with the HF Trainer.

Uses the dataset's own Train / Val / Test folders, which the curators built so that no patient
appears in more than one split.
"""
import os

import numpy as np
import torch
from datasets import load_dataset
from sklearn.dummy import DummyClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score, roc_auc_score
from torchvision import transforms as T
from transformers import (
    AutoImageProcessor,
    AutoModelForImageClassification,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

SEED = 1337
CHECKPOINT = "google/vit-base-patch16-224-in21k"
DATA_DIR = os.environ.get("COVIDQU_DIR", "data/covid_qu_ex/Lung Segmentation Data")
set_seed(SEED)

ds = load_dataset("imagefolder", data_dir=DATA_DIR)  # splits: train / validation / test
labels = ds["train"].features["label"].names
y_train = np.array(ds["train"]["label"])
processor = AutoImageProcessor.from_pretrained(CHECKPOINT)
size = processor.size["height"]
normalize = T.Normalize(mean=processor.image_mean, std=processor.image_std)
train_tf = T.Compose([T.RandomResizedCrop(size, scale=(0.85, 1.0)), T.RandomRotation(8),
                      T.ColorJitter(0.1, 0.1), T.ToTensor(), normalize])
eval_tf = T.Compose([T.Resize((size, size)), T.ToTensor(), normalize])


def with_transform(tf):
    def apply(batch):
        batch["pixel_values"] = [tf(img.convert("RGB")) for img in batch["image"]]
        return batch
    return apply


ds["train"].set_transform(with_transform(train_tf))
ds["validation"].set_transform(with_transform(eval_tf))
ds["test"].set_transform(with_transform(eval_tf))


def collate(examples):
    return {
        "pixel_values": torch.stack([e["pixel_values"] for e in examples]),
        "labels": torch.tensor([e["label"] for e in examples]),
    }


def compute_metrics(eval_pred):
    logits, y = eval_pred
    prob = torch.softmax(torch.from_numpy(logits), dim=-1).numpy()
    pred = prob.argmax(-1)
    return {
        "macro_auroc": roc_auc_score(y, prob, multi_class="ovr", average="macro"),
        "macro_f1": f1_score(y, pred, average="macro"),
        "balanced_accuracy": balanced_accuracy_score(y, pred),
    }


model = AutoModelForImageClassification.from_pretrained(
    CHECKPOINT, num_labels=len(labels),
    id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)},
)
args = TrainingArguments(
    output_dir="runs/vit-covidqu",
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    learning_rate=3e-5,
    weight_decay=0.05,
    warmup_ratio=0.1,
    num_train_epochs=15,
    eval_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="macro_auroc",
    greater_is_better=True,
    remove_unused_columns=False,
    fp16=torch.cuda.is_available(),
    seed=SEED,
    data_seed=SEED,
    report_to="none",
    push_to_hub=bool(os.environ.get("HF_TOKEN")),
    hub_token=os.environ.get("HF_TOKEN"),
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["validation"],
    data_collator=collate,
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=3)],
)
trainer.train()

test_out = trainer.predict(ds["test"])
print({k: round(v, 4) for k, v in test_out.metrics.items() if k.startswith("test_")})
y_test = test_out.label_ids
print(classification_report(y_test, test_out.predictions.argmax(-1), target_names=labels, digits=3))

dummy = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(y_train), 1)), y_train)
dummy_pred = dummy.predict(np.zeros((len(y_test), 1)))
print(f"majority baseline: macro-F1 {f1_score(y_test, dummy_pred, average='macro'):.4f} "
      f"balanced acc {balanced_accuracy_score(y_test, dummy_pred):.4f}")
trainer.save_model("models/vit-covidqu-best")
