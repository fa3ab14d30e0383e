"""Fit the lead-scoring model zoo, pick on validation, report once on test."""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import f1_score, precision_recall_curve

from leadscore.board import fit_leaderboard, score_probs
from leadscore.splits import three_way_split
from leadscore.zoo import build_zoo


def pick_threshold(y_valid, proba_valid):
    precision, recall, thresholds = precision_recall_curve(y_valid, proba_valid)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-12, None)
    return float(thresholds[np.argmax(f1[:-1])])


def main(config_path="configs/selection.yaml"):
    cfg = yaml.safe_load(Path(config_path).read_text())
    seed = cfg["seed"]
    np.random.seed(seed)

    df = pd.read_parquet(cfg["data"]["path"]).drop(columns=cfg["data"]["drop"])
    y = df.pop(cfg["data"]["target"]).astype(int)
    X_train, X_valid, X_test, y_train, y_valid, y_test = three_way_split(
        df, y, cfg["split"]["test_size"], cfg["split"]["valid_size"], seed
    )

    board, fitted = fit_leaderboard(build_zoo(cfg["zoo"], seed), X_train, y_train, X_valid, y_valid)
    board = board.sort_values(cfg["rank_metric"], ascending=False)
    print(board.round(4).to_string())

    winner = board.index[0]
    model = fitted[winner]
    threshold = pick_threshold(y_valid, model.predict_proba(X_valid)[:, 1])

    test_proba = model.predict_proba(X_test)[:, 1]
    prior_proba = fitted["prior"].predict_proba(X_test)[:, 1]
    test_report = {
        "winner": winner,
        "threshold_from_valid": threshold,
        **score_probs(y_test, test_proba, "test"),
        "test_f1_at_threshold": f1_score(y_test, (test_proba >= threshold).astype(int)),
        **score_probs(y_test, prior_proba, "prior_test"),
    }
    print(json.dumps(test_report, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    board.to_csv(out / "leaderboard_valid.csv")
    joblib.dump({"model": model, "threshold": threshold}, out / "leadscore.joblib")
    (out / "test_report.json").write_text(json.dumps(test_report, indent=2))


if __name__ == "__main__":
    main()
