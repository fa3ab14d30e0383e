import json
import random

import numpy as np
import pandas as pd
import timm
import torch
import yaml
from sklearn.metrics import accuracy_score, classification_report, cohen_kappa_score, f1_score
from torch.utils.data import DataLoader

from agrotiles.io import TileClassificationDataset


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out, ys = [], []
    for x, y in loader:
        out.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    meta = pd.read_csv(cfg["paths"]["metadata"]).set_index("tile_id")
    splits = json.load(open(cfg["paths"]["splits"]))
    stats = json.load(open(cfg["paths"]["band_stats"]))

    def loader(split, train):
        ids = splits[split]
        ds = TileClassificationDataset(cfg["paths"]["tiles"], ids, meta.loc[ids, "label"].tolist(),
                                       stats["mean"], stats["std"], train=train)
        return DataLoader(ds, batch_size=cfg["train"]["batch_size"], shuffle=train,
                          num_workers=4, drop_last=train)

    train_dl, val_dl, test_dl = loader("train", True), loader("val", False), loader("test", False)
    n_classes = int(meta["label"].max()) + 1
    model = timm.create_model(cfg["model"]["name"], pretrained=True,
                              in_chans=len(stats["mean"]), num_classes=n_classes).to(device)
    criterion = torch.nn.CrossEntropyLoss(label_smoothing=0.05)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"],
                                  weight_decay=cfg["train"]["weight_decay"])

    best_f1, patience_left = -1.0, cfg["train"]["patience"]
    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad(set_to_none=True)
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
        yv, pv = predict(model, val_dl, device)
        val_f1 = f1_score(yv, pv, average="macro")
        print(f"epoch {epoch:02d} loss {loss.item():.4f} val macro-F1 {val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, patience_left = val_f1, cfg["train"]["patience"]
            torch.save(model.state_dict(), cfg["paths"]["checkpoint"])
        else:
            patience_left -= 1
            if patience_left == 0:
                print("no improvement, stopping")
                break

    model.load_state_dict(torch.load(cfg["paths"]["checkpoint"], map_location=device))
    yt, pt = predict(model, test_dl, device)
    majority = np.bincount(meta.loc[splits["train"], "label"]).argmax()
    base = np.full_like(yt, majority)
    for name, p in [("majority baseline", base), ("model", pt)]:
        print(f"{name:>18}: acc {accuracy_score(yt, p):.4f}  macro-F1 {f1_score(yt, p, average='macro'):.4f}  "
              f"kappa {cohen_kappa_score(yt, p):.4f}")
    print(classification_report(yt, pt, digits=3, zero_division=0))


if __name__ == "__main__":
    main()
