import json
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, Dataset
from torchvision import models, transforms as T

from engine import evaluate, train_epoch

cfg = json.load(open("config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"


class Otoliths(Dataset):
    def __init__(self, df, tf):
        self.files, self.ages, self.tf = df["file"].tolist(), df["age"].astype("float32").tolist(), tf

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        img = Image.open(f"{cfg['image_dir']}/{self.files[i]}").convert("RGB")
        return self.tf(img), torch.tensor(self.ages[i])


def fish_split(df, size):
    gss = GroupShuffleSplit(n_splits=1, test_size=size, random_state=cfg["seed"])
    a, b = next(gss.split(df, groups=df["fish_id"]))
    return df.iloc[a], df.iloc[b]


df = pd.read_csv(cfg["labels_csv"])
df = df[df["age_agreement"] == "agreed"]  # both readers gave the same age
dev, test = fish_split(df, cfg["test_size"])
train, val = fish_split(dev, cfg["val_size"])
y_mean, y_std = float(train["age"].mean()), float(train["age"].std())
print(f"fish: train {train.fish_id.nunique()} val {val.fish_id.nunique()} test {test.fish_id.nunique()}  "
      f"age mean {y_mean:.2f} sd {y_std:.2f}")

norm = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
s = cfg["img_size"]
train_tf = T.Compose([T.RandomRotation(180), T.RandomResizedCrop(s, scale=(0.85, 1.0)),
                      T.ColorJitter(0.2, 0.2), T.ToTensor(), norm])
eval_tf = T.Compose([T.Resize(s), T.CenterCrop(s), T.ToTensor(), norm])

train_dl = DataLoader(Otoliths(train, train_tf), batch_size=cfg["batch_size"], shuffle=True, num_workers=4)
val_dl = DataLoader(Otoliths(val, eval_tf), batch_size=32, num_workers=4)
test_dl = DataLoader(Otoliths(test, eval_tf), batch_size=32, num_workers=4)

model = models.efficientnet_b2(weights=models.EfficientNet_B2_Weights.IMAGENET1K_V1)
model.classifier[1] = nn.Linear(model.classifier[1].in_features, 1)
model = model.to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])
loss_fn = nn.HuberLoss(delta=1.0)

best_mae = np.inf
for epoch in range(cfg["epochs"]):
    tr_loss = train_epoch(model, train_dl, optimizer, loss_fn, cfg["accum_steps"], device, y_mean, y_std)
    scheduler.step()
    val_m = evaluate(model, val_dl, device, y_mean, y_std)
    print(f"{epoch:02d} train {tr_loss:.4f}  val MAE {val_m['mae']:.3f}  exact {val_m['exact']:.3f}")
    if val_m["mae"] < best_mae:
        best_mae = val_m["mae"]
        torch.save(model.state_dict(), "plaice_age_effb2.pt")

model.load_state_dict(torch.load("plaice_age_effb2.pt", map_location=device))
print("TEST", evaluate(model, test_dl, device, y_mean, y_std))
