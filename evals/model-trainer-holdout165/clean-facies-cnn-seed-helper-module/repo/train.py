import argparse

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader

from dataset import LogWindows
from model import LithoCNN
from utils import seed_everything

LOGS = ["GR", "RHOB", "NPHI", "DTC", "PEF", "RDEP", "CALI"]

ap = argparse.ArgumentParser()
ap.add_argument("--data", default="data/force_train_labelled.parquet")
ap.add_argument("--split", default="data/well_split.csv")   # columns WELL, SPLIT (train/val/test)
ap.add_argument("--epochs", type=int, default=30)
ap.add_argument("--seed", type=int, default=7)
args = ap.parse_args()

gen = seed_everything(args.seed)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_parquet(args.data)
df["RDEP"] = np.log10(df["RDEP"].clip(lower=0.01))
split = pd.read_csv(args.split).set_index("WELL")["SPLIT"]
wells = {s: split.index[split == s].tolist() for s in ("train", "val", "test")}

tr_rows = df[df["WELL"].isin(wells["train"])]
mean, std = tr_rows[LOGS].mean(), tr_rows[LOGS].std()
n_classes = int(df["LABEL"].max()) + 1
ds = {s: LogWindows(df, wells[s], LOGS, mean, std) for s in wells}
train_dl = DataLoader(ds["train"], batch_size=256, shuffle=True, generator=gen)
val_dl = DataLoader(ds["val"], batch_size=1024)
test_dl = DataLoader(ds["test"], batch_size=1024)

model = LithoCNN(len(LOGS), n_classes).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)
loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.05)


def predict(loader):
    model.eval()
    out = []
    with torch.inference_mode():
        for xb, _ in loader:
            out.append(model(xb.to(device)).argmax(1).cpu())
    return torch.cat(out).numpy()


best_f1 = -1.0
for epoch in range(args.epochs):
    model.train()
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    sched.step()
    val_f1 = f1_score(ds["val"].y.numpy(), predict(val_dl), average="macro")
    if val_f1 > best_f1:
        best_f1 = val_f1
        torch.save(model.state_dict(), "litho_cnn_best.pt")
    print(f"epoch {epoch:02d}  loss {loss.item():.3f}  val macro-F1 {val_f1:.3f}")

model.load_state_dict(torch.load("litho_cnn_best.pt", map_location=device))
test_f1 = f1_score(ds["test"].y.numpy(), predict(test_dl), average="macro")
print(f"best val macro-F1 {best_f1:.3f} | test macro-F1 {test_f1:.3f}")
