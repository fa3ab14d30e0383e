"""LSTM autoencoder for SKAB valve1 experiments; threshold from held-out normal data."""
import glob

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.decomposition import PCA
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from skab_ad.model import LSTMAutoencoder, window_errors
from skab_ad.utils import SENSORS, read_skab, set_seed, sliding_windows, window_labels


def main():
    with open("config.yaml") as fh:
        cfg = yaml.safe_load(fh)
    set_seed(cfg["seed"])
    W = cfg["window"]

    normal = read_skab(cfg["paths"]["anomaly_free"])[SENSORS]
    cut = int(len(normal) * (1 - cfg["val_tail_fraction"]))
    fit_part, val_part = normal.iloc[:cut], normal.iloc[cut:]
    scaler = StandardScaler().fit(fit_part)
    x_fit = torch.from_numpy(sliding_windows(scaler.transform(fit_part), W))
    x_val = torch.from_numpy(sliding_windows(scaler.transform(val_part), W))

    model = LSTMAutoencoder(len(SENSORS), cfg["model"]["hidden"], cfg["model"]["latent"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["optim"]["lr"])
    loader = DataLoader(TensorDataset(x_fit), batch_size=cfg["optim"]["batch_size"], shuffle=True)
    best, stale = np.inf, 0
    for epoch in range(cfg["optim"]["max_epochs"]):
        model.train()
        for (xb,) in loader:
            opt.zero_grad()
            loss = torch.mean((model(xb) - xb) ** 2)
            loss.backward()
            opt.step()
        val_loss = window_errors(model, x_val).mean().item()
        print(f"epoch {epoch} val_mse {val_loss:.5f}")
        if val_loss < best:
            best, stale = val_loss, 0
            torch.save(model.state_dict(), cfg["paths"]["checkpoint"])
        elif (stale := stale + 1) >= cfg["optim"]["patience"]:
            break
    model.load_state_dict(torch.load(cfg["paths"]["checkpoint"]))

    val_err = window_errors(model, x_val).numpy()
    threshold = np.quantile(val_err, cfg["threshold_quantile"])
    pca = PCA(n_components=0.9, random_state=cfg["seed"]).fit(scaler.transform(fit_part))
    spe_val = ((pca.inverse_transform(pca.transform(scaler.transform(val_part))) - scaler.transform(val_part)) ** 2).sum(1)
    spe_threshold = np.quantile(spe_val, cfg["threshold_quantile"])

    rows = []
    for path in sorted(glob.glob(cfg["paths"]["test_glob"])):
        exp = read_skab(path)
        xs = scaler.transform(exp[SENSORS])
        err = window_errors(model, torch.from_numpy(sliding_windows(xs, W))).numpy()
        spe = ((pca.inverse_transform(pca.transform(xs)) - xs) ** 2).sum(1)[W - 1 :]
        y = window_labels(exp["anomaly"].to_numpy(), W)
        rows.append(pd.DataFrame({"y": y, "ae": err, "spe": spe}))
    res = pd.concat(rows)
    for name, score, thr in [("lstm_ae", res["ae"], threshold), ("pca_spe", res["spe"], spe_threshold)]:
        pred = (score > thr).astype(int)
        print(f"{name:8s} F1={f1_score(res['y'], pred):.3f} P={precision_score(res['y'], pred):.3f} "
              f"R={recall_score(res['y'], pred):.3f} PR-AUC={average_precision_score(res['y'], score):.3f}")


if __name__ == "__main__":
    main()
