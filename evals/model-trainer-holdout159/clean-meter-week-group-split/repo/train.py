import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from features import FEATURE_COLS, weekly_features


def meter_level(scores_df):
    """A meter is flagged on the mean of its weekly scores."""
    agg = scores_df.groupby("meter_id").agg(score=("score", "mean"), theft=("theft", "first"))
    return agg["theft"].values, agg["score"].values


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    reads = pd.read_parquet(cfg["reads_path"])
    labels = pd.read_csv(cfg["labels_path"])

    wk = weekly_features(reads, cfg["min_valid_intervals_per_week"])
    wk = wk.merge(labels, on="meter_id", how="inner")
    X, y, groups = wk[FEATURE_COLS], wk["theft"].values, wk["meter_id"].values
    print(f"{len(wk)} meter-weeks from {wk['meter_id'].nunique()} meters")

    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_fraction"], random_state=cfg["random_seed"])
    tr_idx, te_idx = next(gss.split(X, y, groups))
    assert not set(groups[tr_idx]) & set(groups[te_idx])

    pipe = Pipeline([
        ("scale", StandardScaler()),
        ("clf", LogisticRegression(class_weight="balanced", max_iter=2000)),
    ])
    search = GridSearchCV(pipe, {"clf__C": cfg["logreg_C"]}, scoring="roc_auc",
                          cv=GroupKFold(n_splits=cfg["n_cv_folds"]))
    search.fit(X.iloc[tr_idx], y[tr_idx], groups=groups[tr_idx])
    print("best C:", search.best_params_["clf__C"], " CV AUC (meter-week):", round(search.best_score_, 4))

    test = wk.iloc[te_idx][["meter_id", "theft"]].copy()
    test["score"] = search.predict_proba(X.iloc[te_idx])[:, 1]
    print("test AUC meter-week:", round(roc_auc_score(test["theft"], test["score"]), 4))
    y_m, s_m = meter_level(test)
    print("test AUC meter     :", round(roc_auc_score(y_m, s_m), 4))
    print("test AP meter      :", round(average_precision_score(y_m, s_m), 4))
    print("meters in test     :", len(y_m), " positives:", int(np.sum(y_m)))


if __name__ == "__main__":
    main()
