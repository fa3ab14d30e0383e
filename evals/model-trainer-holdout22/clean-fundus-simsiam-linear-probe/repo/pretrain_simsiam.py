"""Self-supervised SimSiam pretraining on labelled-train + unlabeled screening images (no test images)."""
import random

import numpy as np
import torch
from torch.utils.data import DataLoader

from fundus.data import Images, split_names, two_view_aug, unlabeled_pool
from fundus.simsiam import SimSiam, simsiam_loss

SEED, EPOCHS, PATIENCE = 1701, 100, 10
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

splits = split_names()
pretrain_names = splits["train"] + unlabeled_pool(splits["test"] + splits["val"])
train_dl = DataLoader(Images(pretrain_names, "data/images", two_view_aug, views=2), 128,
                      shuffle=True, drop_last=True, num_workers=8)
val_dl = DataLoader(Images(splits["val"], "data/images", two_view_aug, views=2), 128, num_workers=8)

model = SimSiam().cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.05 * 128 / 256, momentum=0.9, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, EPOCHS)

best, wait = float("inf"), 0
for epoch in range(EPOCHS):
    model.train()
    for (x1, x2), _ in train_dl:
        loss = simsiam_loss(*model(x1.cuda(non_blocking=True), x2.cuda(non_blocking=True)))
        opt.zero_grad()
        loss.backward()
        opt.step()
    sched.step()

    model.eval()
    with torch.no_grad():
        val_loss = np.mean([simsiam_loss(*model(a.cuda(), b.cuda())).item() for (a, b), _ in val_dl])
    print(f"epoch {epoch} val simsiam loss {val_loss:.4f}")
    if val_loss < best:
        best, wait = val_loss, 0
        torch.save(model.backbone.state_dict(), "checkpoints/simsiam_r50.pt")
    else:
        wait += 1
        if wait >= PATIENCE:
            break
