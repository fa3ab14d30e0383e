"""Train FormNet (H/D/A) with season-based validation and test splits."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.metrics import accuracy_score, log_loss
from torch.utils.data import DataLoader

from formnet.data import FixtureSequences, team_history
from formnet.engine import predict, train_one_epoch
from formnet.model import FormNet
from formnet.utils import ranked_probability_score, seed_everything


def main(cfg_path: str = "config.yaml") -> None:
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    fixtures = pd.read_parquet(cfg["data"]["fixtures"]).sort_values("date").reset_index(drop=True)
    history = team_history(fixtures)
    dc = cfg["data"]
    is_valid = fixtures["season"].isin(dc["valid_seasons"])
    is_test = fixtures["season"].isin(dc["test_seasons"])
    splits = {
        "train": fixtures[~is_valid & ~is_test],
        "valid": fixtures[is_valid],
        "test": fixtures[is_test],
    }
    datasets = {k: FixtureSequences(v, history, dc["seq_len"]) for k, v in splits.items()}
    g = torch.Generator().manual_seed(cfg["seed"])
    tc = cfg["train"]
    loaders = {
        "train": DataLoader(datasets["train"], batch_size=tc["batch_size"], shuffle=True, generator=g, drop_last=True),
        "valid": DataLoader(datasets["valid"], batch_size=1024),
        "test": DataLoader(datasets["test"], batch_size=1024),
    }

    mc = cfg["model"]
    model = FormNet(mc["team_feat_dim"], mc["hidden"], mc["n_layers"], mc["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])

    best, bad_epochs = float("inf"), 0
    Path(tc["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(1, tc["epochs"] + 1):
        train_loss = train_one_epoch(model, loaders["train"], optimizer, device)
        _, _, val_loss = predict(model, loaders["valid"], device)
        print(f"epoch {epoch:02d} train {train_loss:.4f} valid {val_loss:.4f}")
        if val_loss < best - 1e-4:
            best, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), tc["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= tc["patience"]:
                print(f"early stop at epoch {epoch}")
                break

    model.load_state_dict(torch.load(tc["checkpoint"], map_location=device))
    probs, y_test, _ = predict(model, loaders["test"], device)

    train_freq = np.bincount(datasets["train"].y, minlength=3) / len(datasets["train"])
    prior = np.tile(train_freq, (len(y_test), 1))
    for name, p in [("class prior", prior), ("formnet", probs)]:
        print(
            f"{name:>12}: logloss={log_loss(y_test, p, labels=[0, 1, 2]):.4f} "
            f"RPS={ranked_probability_score(p, y_test):.4f} acc={accuracy_score(y_test, p.argmax(1)):.3f}"
        )


if __name__ == "__main__":
    main()
