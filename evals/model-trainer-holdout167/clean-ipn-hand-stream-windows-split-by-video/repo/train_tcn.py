import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from windows import StreamWindows, read_ipn

SEED = 99
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

ROOT = "data/IPN_Hand"
annot, classes, train_videos, test_videos = read_ipn(ROOT)

# validation videos, grouped by the subject prefix of the video name
subjects = [v.split("_")[0] for v in train_videos]
tr_i, va_i = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED).split(train_videos, groups=subjects))
fit_videos = [train_videos[i] for i in tr_i]
val_videos = [train_videos[i] for i in va_i]

lm_dir = f"{ROOT}/landmarks"
train_ds = StreamWindows(fit_videos, lm_dir, annot, classes)
val_ds = StreamWindows(val_videos, lm_dir, annot, classes)
test_ds = StreamWindows(test_videos, lm_dir, annot, classes)
train_dl = DataLoader(train_ds, batch_size=256, shuffle=True)
val_dl = DataLoader(val_ds, batch_size=1024)
test_dl = DataLoader(test_ds, batch_size=1024)


class TCN(nn.Module):
    def __init__(self, in_dim, n_classes, ch=96, p=0.25):
        super().__init__()
        layers, c_in = [], in_dim
        for d in (1, 2, 4, 8):
            layers += [nn.Conv1d(c_in, ch, 3, padding=d, dilation=d), nn.BatchNorm1d(ch), nn.ReLU(), nn.Dropout(p)]
            c_in = ch
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(ch, n_classes)

    def forward(self, x):
        return self.head(self.body(x.transpose(1, 2))[:, :, -1])   # causal-ish: read the last step


def predict(model, loader):
    model.eval()
    out = []
    with torch.no_grad():
        for x, _ in loader:
            out.append(model(x).argmax(1))
    return torch.cat(out).numpy()


model = TCN(train_ds.x.shape[-1], len(classes))
weights = torch.bincount(train_ds.y, minlength=len(classes)).float().clamp(min=1)
criterion = nn.CrossEntropyLoss(weight=(weights.sum() / weights) / len(classes))
opt = torch.optim.Adam(model.parameters(), lr=2e-3)

best_f1, patience = 0.0, 0
for epoch in range(60):
    model.train()
    for x, y in train_dl:
        opt.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        opt.step()
    f1 = f1_score(val_ds.y.numpy(), predict(model, val_dl), average="macro")
    print(f"epoch {epoch} val macro-F1 {f1:.4f}")
    if f1 > best_f1:
        best_f1, patience = f1, 0
        torch.save(model.state_dict(), "tcn_ipn.pt")
    else:
        patience += 1
        if patience == 8:
            break

model.load_state_dict(torch.load("tcn_ipn.pt"))
print(f"IPN test videos, window macro-F1: {f1_score(test_ds.y.numpy(), predict(model, test_dl), average='macro'):.4f}")
