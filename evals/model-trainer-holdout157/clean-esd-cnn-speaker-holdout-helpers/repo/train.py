"""ESD (English part, speakers 0011-0020): 5-way emotion CNN with unseen-speaker test set."""
import glob

import pandas as pd
import torch
import torch.nn as nn
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset

from engine import evaluate, train_one_epoch
from features import logmel
from utils import seed_everything

EMOS = ["Angry", "Happy", "Neutral", "Sad", "Surprise"]
g = seed_everything(2023)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

files = sorted(glob.glob("ESD/**/*.wav", recursive=True))
df = pd.DataFrame({"path": files})
df["speaker"] = df.path.str.extract(r"ESD/(\d{4})/")[0]
df["emotion"] = df.path.str.extract(r"/(Angry|Happy|Neutral|Sad|Surprise)/")[0]
df = df[df.speaker.astype(int).between(11, 20)].reset_index(drop=True)

X = torch.stack([logmel(p) for p in df.path]).unsqueeze(1)
y = torch.tensor(df.emotion.map(EMOS.index).values)

outer = GroupShuffleSplit(n_splits=1, test_size=2, random_state=2023)
dev_idx, test_idx = next(outer.split(df, groups=df.speaker))
inner = GroupShuffleSplit(n_splits=1, test_size=1, random_state=2023)
tr, va = next(inner.split(dev_idx, groups=df.speaker.values[dev_idx]))
train_idx, val_idx = dev_idx[tr], dev_idx[va]
print("val spk", df.speaker[val_idx].unique(), "test spk", df.speaker[test_idx].unique())

mk = lambda idx, shuffle: DataLoader(TensorDataset(X[idx], y[idx]), batch_size=64, shuffle=shuffle, generator=g)
train_dl, val_dl, test_dl = mk(train_idx, True), mk(val_idx, False), mk(test_idx, False)


def block(i, o):
    return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(),
                         nn.Conv2d(o, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d(2))


model = nn.Sequential(block(1, 32), block(32, 64), block(64, 128), nn.AdaptiveAvgPool2d(1),
                      nn.Flatten(), nn.Dropout(0.4), nn.Linear(128, len(EMOS))).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
criterion = nn.CrossEntropyLoss()
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=3)

best, patience = 0.0, 0
for epoch in range(60):
    loss = train_one_epoch(model, train_dl, optimizer, criterion, device)
    val_uar = evaluate(model, val_dl, device)
    scheduler.step(val_uar)
    print(f"{epoch:02d} loss={loss:.4f} val_UAR={val_uar:.4f}")
    if val_uar > best:
        best, patience = val_uar, 0
        torch.save(model.state_dict(), "esd_cnn.pt")
    else:
        patience += 1
        if patience >= 8:
            break

model.load_state_dict(torch.load("esd_cnn.pt"))
print(f"unseen-speaker test UAR: {evaluate(model, test_dl, device):.4f}")
