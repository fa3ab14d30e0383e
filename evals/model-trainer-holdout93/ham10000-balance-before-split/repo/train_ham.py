"""Seven-class skin lesion classifier on HAM10000 (ResNet-50, ImageNet init)."""
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset
from torchvision import models, transforms as T

SEED = 2024
DATA_ROOT = Path("data/HAM10000")
CLASSES = ["akiec", "bcc", "bkl", "df", "mel", "nv", "vasc"]
TARGET_PER_CLASS = 2000
BATCH_SIZE = 48
EPOCHS = 25
PATIENCE = 5

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)


class LesionDataset(Dataset):
    def __init__(self, df, transform):
        self.df = df.reset_index(drop=True)
        self.transform = transform

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        row = self.df.iloc[i]
        img = Image.open(DATA_ROOT / "images" / f"{row.image_id}.jpg").convert("RGB")
        return self.transform(img), int(row.label)


def balance_classes(df, target, seed):
    parts = []
    for _, grp in df.groupby("dx"):
        if len(grp) < target:
            grp = grp.sample(n=target, replace=True, random_state=seed)
        else:
            grp = grp.sample(n=min(len(grp), 3 * target), random_state=seed)
        parts.append(grp)
    return pd.concat(parts).sample(frac=1.0, random_state=seed).reset_index(drop=True)


meta = pd.read_csv(DATA_ROOT / "HAM10000_metadata.csv")
meta["label"] = meta["dx"].map({c: i for i, c in enumerate(CLASSES)})
print(meta["dx"].value_counts())

balanced = balance_classes(meta, TARGET_PER_CLASS, SEED)
train_df, test_df = train_test_split(balanced, test_size=0.2, stratify=balanced["dx"], random_state=SEED)
train_df, val_df = train_test_split(train_df, test_size=0.1, stratify=train_df["dx"], random_state=SEED)

norm = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
train_tf = T.Compose([
    T.RandomResizedCrop(224, scale=(0.7, 1.0)), T.RandomHorizontalFlip(), T.RandomVerticalFlip(),
    T.ColorJitter(0.2, 0.2, 0.2, 0.05), T.ToTensor(), norm,
])
eval_tf = T.Compose([T.Resize(256), T.CenterCrop(224), T.ToTensor(), norm])

train_loader = DataLoader(LesionDataset(train_df, train_tf), batch_size=BATCH_SIZE, shuffle=True, num_workers=6)
val_loader = DataLoader(LesionDataset(val_df, eval_tf), batch_size=BATCH_SIZE, num_workers=6)
test_loader = DataLoader(LesionDataset(test_df, eval_tf), batch_size=BATCH_SIZE, num_workers=6)

device = "cuda" if torch.cuda.is_available() else "cpu"
model = models.resnet50(weights=models.ResNet50_Weights.IMAGENET1K_V2)
model.fc = nn.Linear(model.fc.in_features, len(CLASSES))
model = model.to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
criterion = nn.CrossEntropyLoss()


def run_eval(loader):
    model.eval()
    preds, targets = [], []
    with torch.no_grad():
        for x, y in loader:
            preds.append(model(x.to(device)).argmax(1).cpu())
            targets.append(y)
    return torch.cat(targets).numpy(), torch.cat(preds).numpy()


best_f1, wait = 0.0, 0
for epoch in range(EPOCHS):
    model.train()
    for x, y in train_loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
    y_true, y_pred = run_eval(val_loader)
    macro_f1 = f1_score(y_true, y_pred, average="macro")
    print(f"epoch {epoch}: val macro-F1 {macro_f1:.4f} bal-acc {balanced_accuracy_score(y_true, y_pred):.4f}")
    if macro_f1 > best_f1:
        best_f1, wait = macro_f1, 0
        torch.save(model.state_dict(), "ham_resnet50_best.pt")
    else:
        wait += 1
        if wait >= PATIENCE:
            print("early stopping")
            break

model.load_state_dict(torch.load("ham_resnet50_best.pt"))
y_true, y_pred = run_eval(test_loader)
print("test balanced accuracy:", balanced_accuracy_score(y_true, y_pred))
print("test macro F1:", f1_score(y_true, y_pred, average="macro"))
print(classification_report(y_true, y_pred, target_names=CLASSES, digits=3))
