import argparse

import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from jester_data import JesterClips, read_split
from models import C3DLite

p = argparse.ArgumentParser()
p.add_argument("--root", default="/datasets/jester")
p.add_argument("--epochs", type=int, default=30)
p.add_argument("--bs", type=int, default=32)
p.add_argument("--lr", type=float, default=0.01)
p.add_argument("--frames", type=int, default=16)
args = p.parse_args()

device = "cuda" if torch.cuda.is_available() else "cpu"
labels_csv = f"{args.root}/jester-v1-labels.csv"
train_df, labels = read_split(f"{args.root}/jester-v1-train.csv", labels_csv)
val_df, _ = read_split(f"{args.root}/jester-v1-validation.csv", labels_csv)

frames_root = f"{args.root}/20bn-jester-v1"
train_ds = JesterClips(frames_root, train_df, args.frames, train=True)
val_ds = JesterClips(frames_root, val_df, args.frames)
train_loader = DataLoader(train_ds, batch_size=args.bs, shuffle=True, num_workers=8, pin_memory=True, drop_last=True)
val_loader = DataLoader(val_ds, batch_size=64, num_workers=8, pin_memory=True)

model = C3DLite(num_classes=len(labels)).to(device)
opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4, nesterov=True)
sched = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=[15, 25], gamma=0.1)
criterion = nn.CrossEntropyLoss()

for epoch in range(args.epochs):
    model.train()
    running, seen = 0.0, 0
    for step, (clips, y) in enumerate(train_loader):
        clips, y = clips.to(device, non_blocking=True), y.to(device)
        opt.zero_grad(set_to_none=True)
        loss = criterion(model(clips), y)
        loss.backward()
        opt.step()
        running += loss.item() * y.size(0)
        seen += y.size(0)
        if step % 200 == 0:
            print(f"epoch {epoch} step {step}/{len(train_loader)} loss {running / seen:.4f}")
    sched.step()

torch.save(model.state_dict(), "c3dlite_jester.pt")

# Jester test labels are not public, so the official validation split is the held-out set
model.eval()
correct = total = 0
with torch.no_grad():
    for clips, y in val_loader:
        pred = model(clips.to(device)).argmax(1).cpu()
        correct += (pred == y).sum().item()
        total += y.size(0)
print(f"Jester validation top-1: {correct / total:.4f}")
