import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset

from frontend import BinNormaliser, segment_logmel

SEED = 404
np.random.seed(SEED)
torch.manual_seed(SEED)

meta = pd.read_csv("data/segments.csv")          # filename, offset_s, label, site_id
classes = sorted(meta["label"].unique())
y_all = meta["label"].map({c: i for i, c in enumerate(classes)}).to_numpy()
specs = np.stack([segment_logmel(f"data/wav/{r.filename}", r.offset_s) for r in meta.itertuples()])

sites = meta["site_id"].to_numpy()
dev, test = next(GroupShuffleSplit(1, test_size=0.2, random_state=SEED).split(specs, groups=sites))
tr_rel, va_rel = next(GroupShuffleSplit(1, test_size=0.15, random_state=SEED).split(dev, groups=sites[dev]))
tr, va = dev[tr_rel], dev[va_rel]

norm = BinNormaliser().fit(specs[tr])
np.savez("bin_norm.npz", mean=norm.mean_, std=norm.std_)


def tensors(idx):
    x = torch.from_numpy(norm.transform(specs[idx])).unsqueeze(1)
    return TensorDataset(x, torch.from_numpy(y_all[idx]))


train_dl = DataLoader(tensors(tr), batch_size=64, shuffle=True)
val_dl = DataLoader(tensors(va), batch_size=256)
test_dl = DataLoader(tensors(test), batch_size=256)


def block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2))


model = nn.Sequential(block(1, 32), block(32, 64), block(64, 128), nn.AdaptiveAvgPool2d(1),
                      nn.Flatten(), nn.Dropout(0.4), nn.Linear(128, len(classes)))
opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.CrossEntropyLoss()


def macro_f1(loader):
    model.eval()
    preds, ys = [], []
    with torch.no_grad():
        for xb, yb in loader:
            preds.append(model(xb).argmax(1))
            ys.append(yb)
    return f1_score(torch.cat(ys), torch.cat(preds), average="macro")


best, patience, bad = -1.0, 6, 0
for epoch in range(60):
    model.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    f1 = macro_f1(val_dl)
    print(f"epoch {epoch} val macro-F1 {f1:.3f}")
    if f1 > best:
        best, bad = f1, 0
        torch.save(model.state_dict(), "cnn_best.pt")
    else:
        bad += 1
        if bad >= patience:
            break

model.load_state_dict(torch.load("cnn_best.pt"))
print(f"test macro-F1 (unseen sites): {macro_f1(test_dl):.3f}")
