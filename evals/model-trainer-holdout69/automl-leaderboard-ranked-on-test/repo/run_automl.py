"""Run the candidate zoo on the cross-sell table and export the winner."""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from tabular_automl import Leaderboard, build_candidates


def load(cfg):
    df = pd.read_csv(cfg["data"]["path"])
    df = df.drop(columns=[cfg["data"]["id_column"]])
    y = df.pop(cfg["data"]["target"]).astype(int)
    categorical = df.select_dtypes(include=["object", "category"]).columns.tolist()
    numeric = [c for c in df.columns if c not in categorical]
    return df, y, numeric, categorical


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/candidates.json")
    args = parser.parse_args()
    cfg = json.loads(Path(args.config).read_text())
    np.random.seed(cfg["seed"])

    X, y, numeric, categorical = load(cfg)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["data"]["test_size"], stratify=y, random_state=cfg["seed"]
    )
    print(f"rows: train={len(X_train)} test={len(X_test)}  positive rate={y.mean():.3f}")

    candidates = build_candidates(cfg, numeric, categorical)
    board = Leaderboard()
    table = board.evaluate(candidates, X_train, y_train, X_test, y_test, prefix="test")

    table = table.sort_values("test_roc_auc", ascending=False)
    print(table.to_string(float_format="%.4f"))
    best_name = table.index[0]
    best_model = board.fitted[best_name]

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    table.to_csv(out_dir / "leaderboard.csv")
    joblib.dump(best_model, out_dir / f"{best_name}.joblib")
    summary = {
        "winner": best_name,
        "metrics": table.loc[best_name].to_dict(),
        "baseline": table.loc["dummy_prior"].to_dict(),
        "n_train": int(len(X_train)),
        "n_test": int(len(X_test)),
    }
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2))
    print(f"winner: {best_name}  test AUC={summary['metrics']['test_roc_auc']:.4f}")


if __name__ == "__main__":
    main()
