import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import balanced_accuracy_score, classification_report
from torch.utils.data import DataLoader, Dataset
from torchvision import models, transforms

from utils import seed_everything

seed_everything()
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
splits = pd.read_csv("splits/idaho_splits.csv")
classes = sorted(splits.loc[splits["split"] == "train", "species"].unique())
splits = splits[splits["species"].isin(classes)]

norm = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
tf_train = transforms.Compose([transforms.RandomResizedCrop(224, scale=(0.5, 1.0)), transforms.RandomHorizontalFlip(),
                               transforms.TrivialAugmentWide(), transforms.ToTensor(), norm])
tf_eval = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(), norm])


class Crops(Dataset):
    def __init__(self, df, tf):
        self.items = list(zip(df["crop_path"], df["species"].map({c: i for i, c in enumerate(classes)})))
        self.tf = tf

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        path, label = self.items[i]
        return self.tf(Image.open(path).convert("RGB")), label


def part(name):
    return splits[splits["split"] == name]


train_dl = DataLoader(Crops(part("train"), tf_train), batch_size=64, shuffle=True, num_workers=6)
val_dl = DataLoader(Crops(part("val"), tf_eval), batch_size=128, num_workers=6)
test_dl = DataLoader(Crops(part("test"), tf_eval), batch_size=128, num_workers=6)

# inverse-frequency class weights from the training split
counts = part("train")["species"].value_counts().reindex(classes).to_numpy()
weights = torch.tensor(counts.sum() / (len(classes) * counts), dtype=torch.float32, device=device)

model = models.efficientnet_b0(weights=models.EfficientNet_B0_Weights.IMAGENET1K_V1)
model.classifier[1] = nn.Linear(model.classifier[1].in_features, len(classes))
model = model.to(device)
criterion = nn.CrossEntropyLoss(weight=weights)
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-4)
EPOCHS = 12
scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=1e-3, total_steps=EPOCHS * len(train_dl))


def predict(loader):
    model.eval()
    ys, ps = [], []
    with torch.inference_mode():
        for x, y in loader:
            ps.append(model(x.to(device)).argmax(1).cpu())
            ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


best_bacc = 0.0
for epoch in range(EPOCHS):
    model.train()
    for x, y in train_dl:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        scheduler.step()
    y_val, p_val = predict(val_dl)
    bacc = balanced_accuracy_score(y_val, p_val)
    print(f"epoch {epoch} loss {loss.item():.3f} val balanced acc {bacc:.3f}")
    if bacc > best_bacc:
        best_bacc = bacc
        torch.save(model.state_dict(), "effb0_idaho_best.pt")

model.load_state_dict(torch.load("effb0_idaho_best.pt", map_location=device))
y_test, p_test = predict(test_dl)
print("TEST (unseen locations) balanced acc:", round(balanced_accuracy_score(y_test, p_test), 3))
print(classification_report(y_test, p_test, labels=np.arange(len(classes)), target_names=classes, zero_division=0))
