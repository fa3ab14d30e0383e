import random
from collections import Counter
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader, random_split

from kws.data import UNKNOWN, LogMelClips, compute_norm_stats, list_clips
from kws.model import KeywordCNN


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, targets = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).argmax(dim=1).cpu())
        targets.append(y)
    return torch.cat(preds).numpy(), torch.cat(targets).numpy()


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    dcfg, fcfg, tcfg = cfg["data"], cfg["features"], cfg["train"]
    seed_everything(tcfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    classes = list(dcfg["keywords"]) + [UNKNOWN]
    items = list_clips(dcfg["root"], set(dcfg["keywords"]))
    dataset = LogMelClips(items, classes, dcfg["sample_rate"], dcfg["clip_seconds"], **fcfg)

    mean, std = compute_norm_stats(dataset)
    dataset.set_normalization(mean, std)
    torch.save({"mean": mean, "std": std}, "checkpoints/norm_stats.pt")

    n_val = int(len(dataset) * dcfg["val_fraction"])
    n_test = int(len(dataset) * dcfg["test_fraction"])
    n_train = len(dataset) - n_val - n_test
    gen = torch.Generator().manual_seed(tcfg["seed"])
    train_ds, val_ds, test_ds = random_split(dataset, [n_train, n_val, n_test], generator=gen)

    loader_kw = dict(batch_size=tcfg["batch_size"], num_workers=tcfg["num_workers"])
    train_dl = DataLoader(train_ds, shuffle=True, **loader_kw)
    val_dl = DataLoader(val_ds, **loader_kw)
    test_dl = DataLoader(test_ds, **loader_kw)

    model = KeywordCNN(len(classes)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    criterion = nn.CrossEntropyLoss()

    best_f1, bad_epochs = -1.0, 0
    Path(tcfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(tcfg["epochs"]):
        model.train()
        running = 0.0
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            opt.step()
            running += loss.item() * x.size(0)
        val_pred, val_true = predict(model, val_dl, device)
        val_f1 = f1_score(val_true, val_pred, average="macro")
        print(f"epoch {epoch:02d} loss {running / n_train:.4f} "
              f"val_acc {accuracy_score(val_true, val_pred):.4f} val_f1 {val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, bad_epochs = val_f1, 0
            torch.save(model.state_dict(), tcfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= tcfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(tcfg["checkpoint"], map_location=device))
    test_pred, test_true = predict(model, test_dl, device)
    majority = Counter(int(train_ds[i][1]) for i in range(0, len(train_ds), 50)).most_common(1)[0][0]
    print(f"majority-class baseline acc: {np.mean(test_true == majority):.4f}")
    print(f"test acc {accuracy_score(test_true, test_pred):.4f} "
          f"macro-F1 {f1_score(test_true, test_pred, average='macro'):.4f}")


if __name__ == "__main__":
    main()
