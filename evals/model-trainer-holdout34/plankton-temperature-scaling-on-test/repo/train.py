"""Fine-tune EfficientNet-B0 on plankton taxa; best epoch picked on val macro-F1."""
import torch
import torch.nn.functional as F
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader

from common import build, collect_logits, folder, seed_all

seed_all(123)
device = "cuda"
train_set, val_set = folder("train"), folder("val")
train_dl = DataLoader(train_set, batch_size=96, shuffle=True, num_workers=8, drop_last=True)
val_dl = DataLoader(val_set, batch_size=192, num_workers=8)

model = build(len(train_set.classes)).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.02)
sched = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=5)

best, bad = 0.0, 0
for epoch in range(40):
    model.train()
    for i, (x, y) in enumerate(train_dl):
        x, y = x.to(device), y.to(device)
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        opt.step()
        sched.step(epoch + i / len(train_dl))
    z, y = collect_logits(model, val_dl, device)
    f1 = f1_score(y, z.argmax(1), average="macro")
    print(f"epoch {epoch} val macro-F1 {f1:.4f} val NLL {F.cross_entropy(z, y).item():.4f}")
    if f1 > best:
        best, bad = f1, 0
        torch.save(model.state_dict(), "effb0_plankton.pt")
    else:
        bad += 1
        if bad == 6:
            break
