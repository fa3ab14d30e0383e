"""Train the neural reward model used by the NeuralGreedy banner policy."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from nrm.model import NeuralRewardModel
from nrm.utils import make_generator, set_seed

CFG = json.loads(Path("config.json").read_text())


def tensors(X, arms, y):
    return TensorDataset(torch.tensor(X, dtype=torch.float32),
                         torch.tensor(arms, dtype=torch.long),
                         torch.tensor(y, dtype=torch.float32))


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = [torch.sigmoid(model(x.to(device), a.to(device))).cpu() for x, a, _ in loader]
    return torch.cat(out).numpy()


def main():
    set_seed(CFG["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    logs = pd.read_parquet(CFG["logs_path"])
    X, arms, y = logs[CFG["context_cols"]].to_numpy(), logs["arm"].to_numpy(), logs["click"].to_numpy()

    idx = np.arange(len(y))
    tr, te = train_test_split(idx, test_size=CFG["test_size"], stratify=y, random_state=CFG["seed"])
    tr, va = train_test_split(tr, test_size=CFG["val_size"], stratify=y[tr], random_state=CFG["seed"])
    scaler = StandardScaler().fit(X[tr])
    Xs = scaler.transform(X).astype(np.float32)

    train_dl = DataLoader(tensors(Xs[tr], arms[tr], y[tr]), batch_size=CFG["batch_size"],
                          shuffle=True, generator=make_generator(CFG["seed"]))
    val_dl = DataLoader(tensors(Xs[va], arms[va], y[va]), batch_size=8192)
    test_dl = DataLoader(tensors(Xs[te], arms[te], y[te]), batch_size=8192)

    model = NeuralRewardModel(Xs.shape[1], CFG["n_arms"], CFG["arm_dim"], CFG["hidden"], CFG["dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=CFG["lr"], weight_decay=CFG["weight_decay"])
    loss_fn = torch.nn.BCEWithLogitsLoss()
    Path(CFG["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)

    best_val, stale = np.inf, 0
    for epoch in range(CFG["max_epochs"]):
        model.train()
        running = 0.0
        for x, a, target in train_dl:
            x, a, target = x.to(device), a.to(device), target.to(device)
            loss = loss_fn(model(x, a), target)
            loss.backward()
            opt.step()
            opt.zero_grad()
            running += loss.item() * len(target)
        val_p = predict(model, val_dl, device)
        val_ll, val_auc = log_loss(y[va], val_p), roc_auc_score(y[va], val_p)
        print(f"epoch {epoch:02d} train_ll={running / len(tr):.4f} val_ll={val_ll:.4f} val_auc={val_auc:.4f}")
        if val_ll < best_val - 1e-4:
            best_val, stale = val_ll, 0
            torch.save(model.state_dict(), CFG["checkpoint"])
        else:
            stale += 1
            if stale >= CFG["patience"]:
                break

    model.load_state_dict(torch.load(CFG["checkpoint"], map_location=device))
    enc = OneHotEncoder(handle_unknown="ignore").fit(arms[tr].reshape(-1, 1))
    design = lambda i: np.hstack([Xs[i], enc.transform(arms[i].reshape(-1, 1)).toarray()])
    logreg = LogisticRegression(max_iter=2000).fit(design(tr), y[tr])

    for name, p in [("logreg+arm one-hot", logreg.predict_proba(design(te))[:, 1]),
                    ("neural reward model", predict(model, test_dl, device))]:
        print(f"{name:>20}: test auc={roc_auc_score(y[te], p):.4f} logloss={log_loss(y[te], p):.4f}")


if __name__ == "__main__":
    main()
