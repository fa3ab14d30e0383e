"""Probability that a possession ends in a shot, from its event sequence."""
import json

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, Subset

from posval.data import EVENT_FEATS, possession_tensors
from posval.model import PossessionCNN
from posval.seeding import seed_all

C = json.load(open("config.json"))
gen = seed_all(C["seed"])


@torch.no_grad()
def predict(model, loader) -> np.ndarray:
    model.eval()
    return torch.cat([torch.sigmoid(model(seq, mask)) for seq, mask, _ in loader]).numpy()


def match_split(meta: pd.DataFrame):
    outer = GroupShuffleSplit(n_splits=1, test_size=C["test_fraction"], random_state=C["seed"])
    dev, test = next(outer.split(meta, groups=meta["match_id"]))
    inner = GroupShuffleSplit(n_splits=1, test_size=C["valid_fraction"] / (1 - C["test_fraction"]), random_state=C["seed"])
    tr, va = next(inner.split(meta.iloc[dev], groups=meta["match_id"].iloc[dev]))
    return dev[tr], dev[va], test


def main() -> None:
    ds, meta = possession_tensors(pd.read_parquet(C["events_path"]), C["max_events"])
    tr_idx, va_idx, te_idx = match_split(meta)
    train_dl = DataLoader(Subset(ds, tr_idx), batch_size=C["batch_size"], shuffle=True, generator=gen)
    valid_dl = DataLoader(Subset(ds, va_idx), batch_size=4096)
    test_dl = DataLoader(Subset(ds, te_idx), batch_size=4096)
    y_va, y_te = meta["ends_in_shot"].to_numpy()[va_idx], meta["ends_in_shot"].to_numpy()[te_idx]

    model = PossessionCNN(len(EVENT_FEATS), C["channels"], C["dropout"])
    opt = torch.optim.AdamW(model.parameters(), lr=C["lr"])

    best, wait = np.inf, 0
    for epoch in range(C["max_epochs"]):
        model.train()
        for seq, mask, y in train_dl:
            opt.zero_grad(set_to_none=True)
            loss = F.binary_cross_entropy_with_logits(model(seq, mask), y)
            loss.backward()
            opt.step()
        val_loss = log_loss(y_va, np.clip(predict(model, valid_dl), 1e-6, 1 - 1e-6))
        print(f"epoch {epoch:02d} valid logloss {val_loss:.4f}")
        if val_loss < best:
            best, wait = val_loss, 0
            torch.save(model.state_dict(), C["checkpoint"])
        elif (wait := wait + 1) >= C["patience"]:
            break

    model.load_state_dict(torch.load(C["checkpoint"]))
    base_cols = ["n_events", "max_x"]
    base = LogisticRegression(max_iter=1000).fit(meta.iloc[tr_idx][base_cols], meta["ends_in_shot"].iloc[tr_idx])
    for name, p in [("logreg(n_events,max_x)", base.predict_proba(meta.iloc[te_idx][base_cols])[:, 1]),
                    ("cnn", predict(model, test_dl))]:
        print(f"{name:>24}: AUC {roc_auc_score(y_te, p):.3f} AP {average_precision_score(y_te, p):.3f} "
              f"Brier {brier_score_loss(y_te, p):.4f}")


if __name__ == "__main__":
    main()
