import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader

from sepsis_seq.data import StayDataset, Standardizer, to_tensor_cohort
from sepsis_seq.engine import evaluate, train_one_epoch
from sepsis_seq.model import SepsisGRU


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def patient_split(labels, patients, seed, n_splits):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return next(sgkf.split(np.zeros(len(labels)), labels, patients))


def main():
    cfg = json.loads(Path("config.json").read_text())
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    hourly = pd.read_parquet(cfg["data_path"])
    values, masks, labels, patients = to_tensor_cohort(hourly, cfg["window_hours"])
    dev_idx, test_idx = patient_split(labels, patients, cfg["seed"], n_splits=5)
    tr_rel, va_rel = patient_split(labels[dev_idx], patients[dev_idx], cfg["seed"], n_splits=8)
    tr_idx, va_idx = dev_idx[tr_rel], dev_idx[va_rel]

    scaler = Standardizer().fit(values[tr_idx])
    sets = {
        name: StayDataset(scaler.transform(values[idx]), masks[idx], labels[idx])
        for name, idx in [("train", tr_idx), ("val", va_idx), ("test", test_idx)]
    }
    loaders = {
        name: DataLoader(ds, batch_size=cfg["batch_size"], shuffle=(name == "train"))
        for name, ds in sets.items()
    }

    model = SepsisGRU(sets["train"].x.shape[-1], cfg["hidden_size"], cfg["num_layers"],
                      cfg["dropout"]).to(device)
    pos_weight = torch.tensor((1 - labels[tr_idx].mean()) / labels[tr_idx].mean(), device=device)
    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])

    best_auprc, bad_epochs = -1.0, 0
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(cfg["max_epochs"]):
        train_loss = train_one_epoch(model, loaders["train"], optimizer, criterion, device)
        val = evaluate(model, loaders["val"], criterion, device)
        print(f"epoch {epoch:02d} train_loss={train_loss:.4f} val_loss={val['loss']:.4f} "
              f"val_auroc={val['auroc']:.4f} val_auprc={val['auprc']:.4f}")
        if val["auprc"] > best_auprc:
            best_auprc, bad_epochs = val["auprc"], 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    test = evaluate(model, loaders["test"], criterion, device)
    print(f"TEST auroc={test['auroc']:.4f} auprc={test['auprc']:.4f}")


if __name__ == "__main__":
    main()
