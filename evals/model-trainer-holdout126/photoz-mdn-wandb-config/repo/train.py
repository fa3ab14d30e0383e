import argparse

import numpy as np
import pandas as pd
import torch
import wandb
import yaml
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import PhotoZMDN, mdn_nll, point_estimate


def load(path, bands):
    df = pd.read_parquet(path)
    mags = df[[f"mag_auto_{b}_dered" for b in bands]].to_numpy()
    cols = mags[:, :-1] - mags[:, 1:]
    X = np.hstack([mags, cols]).astype(np.float32)
    return X, df["z_spec"].to_numpy(np.float32)


@torch.no_grad()
def predict(model, X):
    model.eval()
    logits, mu, _ = model(torch.from_numpy(X))
    return point_estimate(logits, mu).numpy()


def sigma_nmad(z_true, z_pred):
    dz = (z_pred - z_true) / (1 + z_true)
    return 1.4826 * np.median(np.abs(dz - np.median(dz)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/des_y3_mdn.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    torch.manual_seed(cfg["train"]["seed"])

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

    bands = cfg["data"]["bands"]
    X_tr, z_tr = load(cfg["data"]["train"], bands)
    X_va, z_va = load(cfg["data"]["val"], bands)
    X_te, z_te = load(cfg["data"]["test"], bands)
    scaler = StandardScaler().fit(X_tr)
    X_tr, X_va, X_te = (scaler.transform(a).astype(np.float32) for a in (X_tr, X_va, X_te))

    m = cfg["model"]
    model = PhotoZMDN(X_tr.shape[1], m["n_components"], m["hidden"], m["dropout"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])
    dl = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(z_tr)),
                    batch_size=cfg["train"]["batch_size"], shuffle=True)

    best = np.inf
    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        for xb, zb in dl:
            opt.zero_grad()
            loss = mdn_nll(*model(xb), zb)
            loss.backward()
            opt.step()
        val_nmad = sigma_nmad(z_va, predict(model, X_va))
        wandb.log({"epoch": epoch, "train_nll": loss.item(), "val_sigma_nmad": val_nmad})
        if val_nmad < best:
            best = val_nmad
            torch.save({"model": model.state_dict(), "scaler": scaler}, "mdn_best.pt")

    ckpt = torch.load("mdn_best.pt", weights_only=False)
    model.load_state_dict(ckpt["model"])
    test_nmad = sigma_nmad(z_te, predict(model, X_te))
    wandb.summary["test_sigma_nmad"] = test_nmad
    print(f"test sigma_NMAD = {test_nmad:.4f}")
    run.finish()


if __name__ == "__main__":
    main()
