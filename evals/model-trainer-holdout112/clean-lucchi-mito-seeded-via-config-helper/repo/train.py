import argparse

import numpy as np
import segmentation_models_pytorch as smp
import tifffile
import torch
import yaml
from torch.utils.data import DataLoader, Dataset

from utils import foreground_jaccard, seed_everything, worker_init


def pad32(stack):
    h, w = stack.shape[-2:]
    return np.pad(stack, ((0, 0), (0, -h % 32), (0, -w % 32)), mode="reflect")


class RandomPatches(Dataset):
    def __init__(self, volume, labels, patch, n):
        self.volume, self.labels, self.patch, self.n = volume, labels, patch, n

    def __len__(self):
        return self.n

    def __getitem__(self, _):
        z = np.random.randint(len(self.volume))
        r = np.random.randint(self.volume.shape[1] - self.patch + 1)
        c = np.random.randint(self.volume.shape[2] - self.patch + 1)
        x = self.volume[z, r:r + self.patch, c:c + self.patch]
        y = self.labels[z, r:r + self.patch, c:c + self.patch]
        k = np.random.randint(4)
        x, y = np.rot90(x, k), np.rot90(y, k)
        return torch.from_numpy(x.copy())[None], torch.from_numpy((y > 0).astype(np.float32))[None]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/lucchi_unet.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    gen = seed_everything(cfg["seed"], cfg["deterministic"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    d = cfg["data"]
    vol = tifffile.imread(d["train_volume"]).astype(np.float32) / 255.0
    lab = tifffile.imread(d["train_labels"])
    n_val = d["val_last_slices"]
    train_vol, train_lab = vol[:-n_val], lab[:-n_val]
    val_vol, val_lab = pad32(vol[-n_val:]), pad32(lab[-n_val:])

    train_dl = DataLoader(RandomPatches(train_vol, train_lab, d["patch"], d["patches_per_epoch"]),
                          batch_size=cfg["optim"]["batch_size"], shuffle=True, generator=gen,
                          num_workers=4, worker_init_fn=worker_init)

    model = smp.Unet(cfg["model"]["encoder"], encoder_weights=None, in_channels=1, classes=1,
                     decoder_attention_type=cfg["model"]["attention"]).to(device)
    criterion = smp.losses.DiceLoss("binary")
    bce = torch.nn.BCEWithLogitsLoss()
    opt = torch.optim.Adam(model.parameters(), lr=cfg["optim"]["lr"])
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=20, gamma=0.3)

    best = -1.0
    ckpt = f"{cfg['run_name']}.pt"
    for epoch in range(cfg["optim"]["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            loss = criterion(logits, y) + bce(logits, y)
            loss.backward()
            opt.step()
            opt.zero_grad(set_to_none=True)
        sched.step()
        val_j = foreground_jaccard(model, val_vol, val_lab, device)
        print(f"epoch {epoch:02d} loss {loss.item():.4f} val jaccard {val_j:.4f}")
        if val_j > best:
            best = val_j
            torch.save(model.state_dict(), ckpt)

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test_vol = pad32(tifffile.imread(d["test_volume"]).astype(np.float32) / 255.0)
    test_lab = pad32(tifffile.imread(d["test_labels"]))
    print(f"Lucchi test Jaccard: {foreground_jaccard(model, test_vol, test_lab, device):.4f}")


if __name__ == "__main__":
    main()
