import argparse

import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision.models.video import R2Plus1D_18_Weights, r2plus1d_18

from autsl import AUTSLVideos
from engine import evaluate, train_one_epoch
from utils import seed_worker, set_seed

ap = argparse.ArgumentParser()
ap.add_argument("--root", default="/data/AUTSL")
ap.add_argument("--epochs", type=int, default=25)
ap.add_argument("--bs", type=int, default=8)
ap.add_argument("--lr", type=float, default=1e-3)
ap.add_argument("--seed", type=int, default=3)
args = ap.parse_args()

set_seed(args.seed)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
g = torch.Generator().manual_seed(args.seed)

loader_kw = dict(num_workers=8, pin_memory=True, worker_init_fn=seed_worker)
train_dl = DataLoader(AUTSLVideos(args.root, "train", train=True), batch_size=args.bs, shuffle=True,
                      drop_last=True, generator=g, **loader_kw)
val_dl = DataLoader(AUTSLVideos(args.root, "val"), batch_size=16, **loader_kw)
test_dl = DataLoader(AUTSLVideos(args.root, "test"), batch_size=16, **loader_kw)

model = r2plus1d_18(weights=R2Plus1D_18_Weights.KINETICS400_V1)
model.fc = nn.Sequential(nn.Dropout(0.5), nn.Linear(model.fc.in_features, 226))
model.to(device)

optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=1e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

best_val = 0.0
for epoch in range(args.epochs):
    loss = train_one_epoch(model, train_dl, criterion, optimizer, scaler, device)
    scheduler.step()
    val_acc = evaluate(model, val_dl, device)
    print(f"[{epoch:02d}] loss={loss:.4f} val_acc={val_acc:.4f}")
    if val_acc > best_val:
        best_val = val_acc
        torch.save(model.state_dict(), "r2plus1d_autsl_best.pt")

model.load_state_dict(torch.load("r2plus1d_autsl_best.pt", map_location=device))
print(f"AUTSL test (unseen signers): {evaluate(model, test_dl, device):.4f}  (best val {best_val:.4f})")
