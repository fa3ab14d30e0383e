"""Score the best checkpoint once on the test split, next to two reference models.

    python evaluate.py --config configs/mlp.json
"""
import argparse
import json
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from torch.utils.data import DataLoader

from formation.config import ExperimentConfig
from formation.data import build_datasets, load_table
from formation.model import make_mlp
from formation.utils.seed import seed_everything


def scores(y, p) -> dict:
    return {"mae": mean_absolute_error(y, p), "rmse": float(np.sqrt(mean_squared_error(y, p))), "r2": r2_score(y, p)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/mlp.json")
    cfg = ExperimentConfig.from_json(parser.parse_args().config)
    seed_everything(cfg.seed)

    train_ds, _, test_ds, feature_cols = build_datasets(load_table(cfg.data_path), cfg.val_frac, cfg.test_frac, cfg.seed)
    model = make_mlp(len(feature_cols), cfg.hidden, cfg.dropout)
    model.load_state_dict(torch.load(Path(cfg.out_dir) / "best.pt", map_location="cpu")["state_dict"])
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(x).squeeze(-1) for x, _ in DataLoader(test_ds, batch_size=2048)]).numpy()

    y_tr, y_te = train_ds.y.numpy(), test_ds.y.numpy()
    ridge = Ridge(alpha=1.0).fit(train_ds.x.numpy(), y_tr)
    report = {
        "mlp": scores(y_te, pred),
        "ridge_baseline": scores(y_te, ridge.predict(test_ds.x.numpy())),
        "train_mean_baseline": scores(y_te, np.full_like(y_te, y_tr.mean())),
    }
    Path(cfg.out_dir, "test_report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
