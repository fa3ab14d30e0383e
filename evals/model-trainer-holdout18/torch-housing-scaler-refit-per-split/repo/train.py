"""House price MLP with categorical embeddings.  Reports RMSE on log price (Kaggle metric) and MAE in dollars."""
import argparse
import random

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from src.homeval.features import CATEGORICAL, NUMERIC, TARGET, build_vocab, standardize, to_tensors
from src.homeval.model import PriceNet


def fix_seeds(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def predict(model, ds):
    model.eval()
    with torch.no_grad():
        num, cat, y = ds.tensors
        return model(num, cat).numpy(), y.numpy()


def report(tag, y_log, p_log):
    rmse_log = np.sqrt(mean_squared_error(y_log, p_log))
    mae = mean_absolute_error(np.expm1(y_log), np.expm1(p_log))
    print(f"{tag:>12}: RMSE(log) {rmse_log:.4f}  MAE ${mae:,.0f}")
    return rmse_log


def main(a):
    fix_seeds(a.seed)
    df = pd.read_csv(a.data).dropna(subset=[TARGET])
    df[NUMERIC] = df[NUMERIC].fillna(0)  # missing counts/areas mean "none" in this dataset

    train_df, rest = train_test_split(df, test_size=0.3, random_state=a.seed)
    valid_df, test_df = train_test_split(rest, test_size=0.5, random_state=a.seed)

    train_df = standardize(train_df, NUMERIC)
    valid_df = standardize(valid_df, NUMERIC)
    test_df = standardize(test_df, NUMERIC)

    vocab = build_vocab(train_df, CATEGORICAL)
    train_ds, valid_ds, test_ds = (TensorDataset(*to_tensors(f, vocab)) for f in (train_df, valid_df, test_df))

    ridge = RidgeCV(alphas=np.logspace(-2, 3, 20)).fit(train_ds.tensors[0].numpy(), train_ds.tensors[2].numpy())
    report("ridge valid", valid_ds.tensors[2].numpy(), ridge.predict(valid_ds.tensors[0].numpy()))

    model = PriceNet(len(NUMERIC), [len(vocab[c]) for c in CATEGORICAL])
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-4)
    loss_fn = torch.nn.MSELoss()
    loader = DataLoader(train_ds, batch_size=a.batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(a.seed))

    best, since_best = float("inf"), 0
    for epoch in range(a.epochs):
        model.train()
        for num, cat, y in loader:
            opt.zero_grad()
            loss_fn(model(num, cat), y).backward()
            opt.step()
        p, y = predict(model, valid_ds)
        val_rmse = report(f"epoch {epoch}", y, p)
        if val_rmse < best:
            best, since_best = val_rmse, 0
            torch.save(model.state_dict(), a.ckpt)
        elif (since_best := since_best + 1) >= a.patience:
            break

    model.load_state_dict(torch.load(a.ckpt))
    p, y = predict(model, test_ds)
    report("MLP test", y, p)
    report("ridge test", y, ridge.predict(test_ds.tensors[0].numpy()))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/house_sales.csv")
    ap.add_argument("--epochs", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--patience", type=int, default=15)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--ckpt", default="pricenet_best.pt")
    main(ap.parse_args())
