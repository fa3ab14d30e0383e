"""Train the ward deterioration GRU with patient-level splits."""
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from deterioration.data import VITALS, WindowDataset, make_windows
from deterioration.engine import evaluate, train_one_epoch
from deterioration.model import VitalsGRU


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def patient_split(pids, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    return next(gss.split(pids, groups=pids))


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    dcfg, mcfg, tcfg = cfg["data"], cfg["model"], cfg["train"]
    seed_everything(tcfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_parquet(dcfg["path"])
    x, y, pids = make_windows(df, dcfg["window_hours"], dcfg["horizon_hours"])
    dev_idx, test_idx = patient_split(pids, dcfg["test_frac"], tcfg["seed"])
    tr_rel, val_rel = patient_split(pids[dev_idx], dcfg["val_frac"], tcfg["seed"])
    tr_idx, val_idx = dev_idx[tr_rel], dev_idx[val_rel]

    mean = np.nanmean(x[tr_idx], axis=(0, 1))
    std = np.nanstd(x[tr_idx], axis=(0, 1)) + 1e-6
    loaders = {
        name: DataLoader(WindowDataset(x[idx], y[idx], mean, std), batch_size=tcfg["batch_size"], shuffle=(name == "train"))
        for name, idx in [("train", tr_idx), ("val", val_idx), ("test", test_idx)]
    }

    model = VitalsGRU(2 * len(VITALS), mcfg["hidden_size"], mcfg["num_layers"], mcfg["dropout"]).to(device)
    pos_weight = torch.tensor((y[tr_idx] == 0).sum() / (y[tr_idx] == 1).sum(), device=device)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])

    ckpt = Path(tcfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_auprc, bad_epochs = -1.0, 0
    for epoch in range(tcfg["max_epochs"]):
        train_loss = train_one_epoch(model, loaders["train"], optimizer, loss_fn, device)
        val = evaluate(model, loaders["val"], loss_fn, device)
        print(f"epoch {epoch:02d} train_loss={train_loss:.4f} val_loss={val['loss']:.4f} "
              f"val_auroc={val['auroc']:.3f} val_auprc={val['auprc']:.3f}")
        if val["auprc"] > best_auprc:
            best_auprc, bad_epochs = val["auprc"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= tcfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test = evaluate(model, loaders["test"], loss_fn, device)

    last = lambda idx: np.nan_to_num((x[idx, -1, :] - mean) / std)
    baseline = LogisticRegression(max_iter=2000, class_weight="balanced").fit(last(tr_idx), y[tr_idx])
    p_base = baseline.predict_proba(last(test_idx))[:, 1]
    print(f"test GRU: auroc={test['auroc']:.3f} auprc={test['auprc']:.3f}")
    print(f"test logreg(last obs): auroc={roc_auc_score(y[test_idx], p_base):.3f} "
          f"auprc={average_precision_score(y[test_idx], p_base):.3f}")


if __name__ == "__main__":
    main()
