import random

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.metrics import roc_auc_score
from torch.utils.data import DataLoader

from model import MalConv, RawBytesDataset


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    scores, labels = [], []
    for x, y in loader:
        scores.append(torch.sigmoid(model(x.to(device))).cpu())
        labels.append(y)
    return torch.cat(labels).numpy(), torch.cat(scores).numpy()


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    splits = pd.read_csv(cfg["split_csv"])  # path,label,split (split assigned by sha256 prefix)
    loaders = {}
    for name in ["train", "val", "test"]:
        part = splits[splits["split"] == name]
        ds = RawBytesDataset(part["path"], part["label"], max_len=cfg["max_len"])
        loaders[name] = DataLoader(ds, batch_size=cfg["batch_size"], shuffle=(name == "train"),
                                   num_workers=4, pin_memory=True)

    model = MalConv(channels=cfg["channels"]).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9, nesterov=True)
    criterion = torch.nn.BCEWithLogitsLoss()
    accum = cfg["grad_accum_steps"]

    best_auc = 0.0
    for epoch in range(cfg["epochs"]):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for step, (x, y) in enumerate(loaders["train"]):
            x, y = x.to(device), y.to(device)
            loss = criterion(model(x), y) / accum
            loss.backward()
            running += loss.item() * accum
            if (step + 1) % accum == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()

        y_val, s_val = predict(model, loaders["val"], device)
        val_auc = roc_auc_score(y_val, s_val)
        print(f"epoch {epoch} loss {running / len(loaders['train']):.4f} val_auc {val_auc:.4f}")
        if val_auc > best_auc:
            best_auc = val_auc
            torch.save(model.state_dict(), cfg["ckpt"])

    model.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
    y_test, s_test = predict(model, loaders["test"], device)
    print(f"test AUC {roc_auc_score(y_test, s_test):.4f} (best val {best_auc:.4f})")


if __name__ == "__main__":
    main()
