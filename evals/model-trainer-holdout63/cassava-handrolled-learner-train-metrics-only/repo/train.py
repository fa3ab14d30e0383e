"""Cassava leaf disease (5 classes): fine-tune a ResNeXt-50 and write the competition submission."""
import json
import os

import pandas as pd
import timm
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, classification_report, f1_score
from torch.utils.data import DataLoader

from leafai.data import LeafImages, item_tfms
from leafai.learner import Learner, set_seed

LABELS = ["CBB", "CBSD", "CGM", "CMD", "Healthy"]

with open("config.json") as fh:
    cfg = json.load(fh)
set_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_csv(cfg["train_csv"])
print(df["label"].value_counts().sort_index().rename(index=dict(enumerate(LABELS))))

train_ds = LeafImages(cfg["train_images"], df["image_id"], df["label"], item_tfms(cfg["img_size"], train=True))
train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, drop_last=True,
                      num_workers=cfg["num_workers"], pin_memory=True)

model = timm.create_model(cfg["arch"], pretrained=True, num_classes=len(LABELS))
learn = Learner(model, train_dl, nn.CrossEntropyLoss(label_smoothing=cfg["label_smoothing"]), device, head_name="fc")
learn.fine_tune(cfg["epochs"], cfg["max_lr"], freeze_epochs=cfg["freeze_epochs"])
learn.save("resnext50_cassava.pt")

eval_ds = LeafImages(cfg["train_images"], df["image_id"], df["label"], item_tfms(cfg["img_size"], train=False))
eval_dl = DataLoader(eval_ds, batch_size=cfg["batch_size"] * 2, num_workers=cfg["num_workers"])
probs, targets = learn.get_preds(eval_dl)
preds = probs.argmax(1)
print(f"accuracy: {accuracy_score(targets, preds):.4f}   macro F1: {f1_score(targets, preds, average='macro'):.4f}")
print(classification_report(targets, preds, target_names=LABELS, digits=4))

test_ids = sorted(os.listdir(cfg["test_images"]))
test_dl = DataLoader(LeafImages(cfg["test_images"], test_ids, tfms=item_tfms(cfg["img_size"], train=False)),
                     batch_size=cfg["batch_size"] * 2, num_workers=cfg["num_workers"])
test_probs, _ = learn.get_preds(test_dl)
pd.DataFrame({"image_id": test_ids, "label": test_probs.argmax(1).numpy()}).to_csv("submission.csv", index=False)
