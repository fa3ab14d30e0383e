"""Unsupervised bearing degradation detector (IMS test 2, bearing 1).

Train an autoencoder on the early, healthy part of the run, then flag snapshots whose
reconstruction error exceeds a threshold.
"""
import argparse
import random

import numpy as np
import pandas as pd
import torch
from sklearn.decomposition import PCA
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import SpectrumAutoencoder, reconstruction_error

SEED = 2024


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--features", default="data/ims_test2_fft_bands.parquet")
    p.add_argument("--epochs", type=int, default=200)
    p.add_argument("--patience", type=int, default=15)
    p.add_argument("--ckpt", default="checkpoints/ae_best.pt")
    return p.parse_args()


def main():
    args = parse_args()
    seed_everything(SEED)

    df = pd.read_parquet(args.features).sort_values("timestamp").reset_index(drop=True)
    band_cols = [c for c in df.columns if c.startswith("band_")]
    n = len(df)
    train_df = df.iloc[: int(0.5 * n)]
    val_df = df.iloc[int(0.5 * n) : int(0.6 * n)]
    test_df = df.iloc[int(0.6 * n) :]
    assert train_df["degraded"].sum() == 0 and val_df["degraded"].sum() == 0

    scaler = StandardScaler().fit(train_df[band_cols])
    to_t = lambda frame: torch.tensor(scaler.transform(frame[band_cols]), dtype=torch.float32)
    x_train, x_val, x_test = to_t(train_df), to_t(val_df), to_t(test_df)
    y_test = test_df["degraded"].to_numpy()

    model = SpectrumAutoencoder(n_features=len(band_cols))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
    loader = DataLoader(TensorDataset(x_train), batch_size=64, shuffle=True)
    best_val, bad_epochs = float("inf"), 0
    for epoch in range(args.epochs):
        model.train()
        for (xb,) in loader:
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(model(xb), xb)
            loss.backward()
            opt.step()
        val_loss = reconstruction_error(model, x_val).mean().item()
        if val_loss < best_val - 1e-5:
            best_val, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                print(f"early stop at epoch {epoch}")
                break

    model.load_state_dict(torch.load(args.ckpt))
    test_err = reconstruction_error(model, x_test).numpy()

    pca = PCA(n_components=0.95, random_state=SEED).fit(x_train.numpy())
    pca_err = ((pca.inverse_transform(pca.transform(x_test.numpy())) - x_test.numpy()) ** 2).mean(axis=1)

    candidates = np.quantile(test_err, np.linspace(0.50, 0.995, 200))
    f1s = [f1_score(y_test, (test_err > t).astype(int)) for t in candidates]
    threshold = float(candidates[int(np.argmax(f1s))])
    pred = (test_err > threshold).astype(int)

    print(f"threshold={threshold:.4f}")
    print(f"AE  ROC-AUC={roc_auc_score(y_test, test_err):.3f} "
          f"precision={precision_score(y_test, pred):.3f} recall={recall_score(y_test, pred):.3f} "
          f"F1={f1_score(y_test, pred):.3f}")
    print(f"PCA ROC-AUC={roc_auc_score(y_test, pca_err):.3f}")


if __name__ == "__main__":
    main()
