import json
import random
from collections import defaultdict

import numpy as np
import segmentation_models_pytorch as smp
import torch
from torch.utils.data import DataLoader

from data import CloudPatches, band_statistics, list_patches, scene_of

cfg = json.load(open("config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

# split by Landsat scene: patches of one scene overlap in time and space
by_scene = defaultdict(list)
for pid in list_patches(cfg["root"]):
    by_scene[scene_of(pid)].append(pid)
scenes = sorted(by_scene)
rng = np.random.default_rng(cfg["seed"])
rng.shuffle(scenes)
test_scenes = scenes[:cfg["test_scenes"]]
val_scenes = scenes[cfg["test_scenes"]:cfg["test_scenes"] + cfg["val_scenes"]]
train_scenes = scenes[cfg["test_scenes"] + cfg["val_scenes"]:]
ids = {name: [p for s in group for p in by_scene[s]]
       for name, group in [("train", train_scenes), ("val", val_scenes), ("test", test_scenes)]}
print({k: len(v) for k, v in ids.items()})

mean, std = band_statistics(cfg["root"], ids["train"], cfg["bands"])
json.dump({"bands": cfg["bands"], "mean": mean, "std": std}, open(cfg["stats_file"], "w"), indent=2)

loaders = {
    name: DataLoader(CloudPatches(cfg["root"], ids[name], cfg["bands"], mean, std, augment=(name == "train")),
                     batch_size=cfg["batch_size"], shuffle=(name == "train"), num_workers=4,
                     worker_init_fn=lambda w: np.random.seed(torch.initial_seed() % 2**32))
    for name in ids
}

model = smp.Unet(cfg["encoder"], encoder_weights=None, in_channels=len(cfg["bands"]), classes=1).to(device)
loss_fn = smp.losses.SoftBCEWithLogitsLoss()
dice_loss = smp.losses.DiceLoss("binary")
opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="max", factor=0.5, patience=4)


def jaccard(loader):
    model.eval()
    tp = fp = fn = 0
    with torch.no_grad():
        for x, y in loader:
            p = (model(x.to(device)).sigmoid() > 0.5).cpu()
            y = y.bool()
            tp += (p & y).sum().item()
            fp += (p & ~y).sum().item()
            fn += (~p & y).sum().item()
    return tp / max(tp + fp + fn, 1)


best = -1.0
for epoch in range(cfg["epochs"]):
    model.train()
    for x, y in loaders["train"]:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        loss = loss_fn(logits, y) + dice_loss(logits, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    val_j = jaccard(loaders["val"])
    sched.step(val_j)
    print(f"epoch {epoch:02d} loss {loss.item():.4f} val jaccard {val_j:.4f}")
    if val_j > best:
        best = val_j
        torch.save(model.state_dict(), cfg["checkpoint"])

model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
print(f"test jaccard (held-out scenes {test_scenes}): {jaccard(loaders['test']):.4f}")
