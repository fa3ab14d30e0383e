"""Will this possession end in a shot? Features from broadcast-video player tracking.

Possessions are segmented from the tracking output of our broadcast pipeline (player/ball
positions at 10 Hz reconstructed from the main camera). Whole matches are kept on one side of
every split. After the held-out report, the production model is refit on every match.
"""
import json

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from xgboost import XGBClassifier

FEATURES = [
    "ball_dist_to_goal_end", "ball_angle_to_goal_end", "n_passes", "duration_s", "max_ball_speed",
    "progression_m", "defenders_behind_ball", "attackers_in_box", "pressure_on_carrier",
    "width_used_m", "start_third", "counter_attack",
]


def metrics(y, p):
    return {"roc_auc": roc_auc_score(y, p), "avg_precision": average_precision_score(y, p),
            "brier": brier_score_loss(y, p)}


def main():
    cfg = yaml.safe_load(open("params.yaml"))
    seed = cfg["seed"]
    df = pd.read_parquet("data/possessions.parquet")
    X, y, matches = df[FEATURES], df["ends_in_shot"].to_numpy(), df["match_id"].to_numpy()
    print(f"{len(df)} possessions, {len(np.unique(matches))} matches, shot rate {y.mean():.3f}")

    sgkf = StratifiedGroupKFold(n_splits=cfg["holdout_folds"], shuffle=True, random_state=seed)
    dev_idx, test_idx = next(sgkf.split(X, y, matches))
    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    tr_rel, es_rel = next(inner.split(X.iloc[dev_idx], y[dev_idx], matches[dev_idx]))
    tr_idx, es_idx = dev_idx[tr_rel], dev_idx[es_rel]

    baseline = LogisticRegression(max_iter=1000)
    baseline.fit(X.iloc[dev_idx][["ball_dist_to_goal_end", "ball_angle_to_goal_end"]], y[dev_idx])
    p_base = baseline.predict_proba(X.iloc[test_idx][["ball_dist_to_goal_end", "ball_angle_to_goal_end"]])[:, 1]

    model = XGBClassifier(**cfg["xgb"], objective="binary:logistic", eval_metric="logloss",
                          early_stopping_rounds=cfg["early_stopping_rounds"], random_state=seed)
    model.fit(X.iloc[tr_idx], y[tr_idx], eval_set=[(X.iloc[es_idx], y[es_idx])], verbose=False)
    p_test = model.predict_proba(X.iloc[test_idx])[:, 1]

    report = {"distance_angle_logreg": metrics(y[test_idx], p_base),
              "xgboost": metrics(y[test_idx], p_test),
              "best_iteration": int(model.best_iteration)}
    print(json.dumps(report, indent=2))

    final_params = {**cfg["xgb"], "n_estimators": int(model.best_iteration * 1.1) + 1}
    final_model = XGBClassifier(**final_params, objective="binary:logistic", random_state=seed)
    final_model.fit(X, y)
    joblib.dump({"model": final_model, "features": FEATURES, "heldout_report": report},
                "models/possession_shot_xgb.joblib")


if __name__ == "__main__":
    main()
