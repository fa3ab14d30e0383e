import json
import os

import numpy as np
import torch
from sklearn.metrics import average_precision_score
from torch.utils.data import DataLoader

from wakeword.data import WindowManifest
from wakeword.model import CRNN, score


def main():
    cfg = json.load(open("config.json"))
    torch.manual_seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    def ds(split):
        return WindowManifest(os.path.join(cfg["manifest_dir"], f"{split}.csv"),
                              cfg["sample_rate"], cfg["window_seconds"], cfg["n_mels"])

    train_ds, val_ds = ds("train"), ds("val")
    pos_frac = train_ds.df["label"].mean()
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=6)
    val_dl = DataLoader(val_ds, batch_size=512, num_workers=6)

    model = CRNN(cfg["n_mels"], cfg["hidden"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos_frac) / pos_frac, device=device))

    best_ap, wait = 0.0, 0
    os.makedirs(os.path.dirname(cfg["checkpoint"]), exist_ok=True)
    for epoch in range(cfg["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
        s, l = score(model, val_dl, device)
        ap = average_precision_score(l, s)
        print(f"epoch {epoch}: val AP {ap:.4f} (prevalence baseline {l.mean():.4f})")
        if ap > best_ap:
            best_ap, wait = ap, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            wait += 1
            if wait >= cfg["patience"]:
                break


if __name__ == "__main__":
    main()
