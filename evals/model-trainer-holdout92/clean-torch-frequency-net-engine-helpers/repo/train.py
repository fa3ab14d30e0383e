"""Train the MTPL frequency network: 2016-2020 fit, 2021 early stopping, 2022 test."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from freqnn.data import Preprocessor
from freqnn.engine import evaluate, predict, train_epoch
from freqnn.model import FreqNN
from freqnn.utils import gini, poisson_deviance, seed_everything


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_parquet(cfg["data"]["path"])
    df = df[df["exposure"] > 0].copy()
    df["log_density"] = np.log1p(df["density"])
    train = df[df["policy_year"].isin(cfg["data"]["train_years"])]
    valid = df[df["policy_year"] == cfg["data"]["valid_year"]]
    test = df[df["policy_year"] == cfg["data"]["test_year"]]

    prep = Preprocessor(cfg["features"]["numeric"], cfg["features"]["categorical"]).fit(train)
    bs = cfg["optim"]["batch_size"]
    gen = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(prep.to_dataset(train), batch_size=bs, shuffle=True, generator=gen)
    valid_dl = DataLoader(prep.to_dataset(valid), batch_size=bs)
    test_dl = DataLoader(prep.to_dataset(test), batch_size=bs)

    model = FreqNN(len(cfg["features"]["numeric"]), prep.cardinalities(), **cfg["net"]).to(device)
    base_rate = train["claim_count"].sum() / train["exposure"].sum()
    with torch.no_grad():
        model.out.bias.fill_(float(np.log(base_rate)))
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["optim"]["lr"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=3)

    ckpt_dir = Path(cfg["checkpoint_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best_path = ckpt_dir / "best.pt"
    best_val, stale = float("inf"), 0
    for epoch in range(1, cfg["optim"]["max_epochs"] + 1):
        tr = train_epoch(model, train_dl, optimizer, device)
        va = evaluate(model, valid_dl, device)
        scheduler.step(va)
        print(f"epoch {epoch:3d}  train {tr:.5f}  valid {va:.5f}")
        if va < best_val - 1e-6:
            best_val, stale = va, 0
            torch.save({"epoch": epoch, "state_dict": model.state_dict()}, best_path)
        else:
            stale += 1
            if stale >= cfg["optim"]["patience"]:
                print(f"stopping after {epoch} epochs; best valid {best_val:.5f}")
                break

    model.load_state_dict(torch.load(best_path)["state_dict"])
    mu = predict(model, test_dl, device).numpy()
    y, e = test["claim_count"].to_numpy(), test["exposure"].to_numpy()
    mu_flat = base_rate * e
    print(f"test Poisson deviance  net {poisson_deviance(y, mu):.5f}  flat {poisson_deviance(y, mu_flat):.5f}")
    print(f"test Gini              net {gini(y, mu, e):.4f}")
    print(f"test A/E               net {y.sum() / mu.sum():.4f}")


if __name__ == "__main__":
    main()
