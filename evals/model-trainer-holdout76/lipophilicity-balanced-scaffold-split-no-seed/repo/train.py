"""logD7.4 regression on the AstraZeneca Lipophilicity set with a fingerprint MLP."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from torch.utils.data import DataLoader, TensorDataset

from lipo.featurize import featurize_all
from lipo.model import FingerprintMLP
from lipo.splits import balanced_scaffold_split

DATA = "data/Lipophilicity.csv"
CKPT = Path("checkpoints/lipo_mlp.pt")
EPOCHS, PATIENCE, BATCH = 150, 15, 64


def metrics(y, p):
    return {"rmse": float(np.sqrt(mean_squared_error(y, p))), "mae": float(mean_absolute_error(y, p)),
            "r2": float(r2_score(y, p))}


@torch.no_grad()
def predict(model, x):
    model.eval()
    return model(torch.as_tensor(x)).numpy()


def main():
    df = pd.read_csv(DATA)
    X = featurize_all(df["smiles"])
    y = df["exp"].to_numpy(np.float32)
    tr, va, te = balanced_scaffold_split(df["smiles"].tolist())
    print(f"train {len(tr)}  val {len(va)}  test {len(te)}")

    loader = DataLoader(TensorDataset(torch.from_numpy(X[tr]), torch.from_numpy(y[tr])),
                        batch_size=BATCH, shuffle=True)
    model = FingerprintMLP()
    opt = torch.optim.Adam(model.parameters(), lr=3e-4, weight_decay=1e-5)
    loss_fn = torch.nn.MSELoss()
    CKPT.parent.mkdir(parents=True, exist_ok=True)

    best, wait = np.inf, 0
    for epoch in range(EPOCHS):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        val_rmse = metrics(y[va], predict(model, X[va]))["rmse"]
        if val_rmse < best:
            best, wait = val_rmse, 0
            torch.save(model.state_dict(), CKPT)
        else:
            wait += 1
            if wait >= PATIENCE:
                break
    print(f"stopped after epoch {epoch}, best val RMSE {best:.3f}")

    model.load_state_dict(torch.load(CKPT))
    ridge = Ridge(alpha=10.0).fit(X[tr], y[tr])
    for name, pred in [("ridge (fp)", ridge.predict(X[te])), ("MLP", predict(model, X[te]))]:
        m = metrics(y[te], pred)
        print(f"{name:>11}: RMSE {m['rmse']:.3f}  MAE {m['mae']:.3f}  R2 {m['r2']:.3f}")


if __name__ == "__main__":
    main()
