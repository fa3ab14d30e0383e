"""Frame-level perimeter-intrusion classifier.

Rows are frames sampled at 2 fps from fence-line camera recordings; each frame carries a 384-d
DINOv2-small embedding plus a few detector statistics. Consecutive frames of one recording are
almost identical, so every split below keeps whole recordings together.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SEED = 99
OUT = Path("runs/intrusion")


def video_level(frame_df, scores):
    """A recording is flagged by its highest-scoring frame."""
    agg = frame_df.assign(score=scores).groupby("recording_id").agg(label=("intrusion", "max"), score=("score", "max"))
    return agg["label"].to_numpy(), agg["score"].to_numpy()


def main():
    df = pd.read_parquet("data/fence_frames.parquet")
    emb_cols = [c for c in df.columns if c.startswith("dino_")]
    det_cols = ["n_person_boxes", "max_person_conf", "motion_pixels_ratio"]
    X = df[emb_cols + det_cols].to_numpy(np.float32)
    y = df["intrusion"].to_numpy()
    groups = df["recording_id"].to_numpy()
    print(f"{len(df)} frames / {df.recording_id.nunique()} recordings, positive frame rate {y.mean():.3f}")

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    train_idx, test_idx = next(outer.split(X, y, groups))
    assert not set(groups[train_idx]) & set(groups[test_idx])

    pipe = Pipeline([
        ("scale", StandardScaler()),
        ("pca", PCA(random_state=SEED)),
        ("clf", LogisticRegression(max_iter=3000, class_weight="balanced")),
    ])
    grid = {"pca__n_components": [32, 64, 128], "clf__C": [0.01, 0.1, 1.0]}
    inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
    search = GridSearchCV(pipe, grid, scoring="average_precision", cv=inner, n_jobs=-1)
    search.fit(X[train_idx], y[train_idx], groups=groups[train_idx])
    print("best params", search.best_params_, "cv AP", round(search.best_score_, 4))

    dummy = DummyClassifier(strategy="prior").fit(X[train_idx], y[train_idx])
    test_df = df.iloc[test_idx]
    scores = search.predict_proba(X[test_idx])[:, 1]
    base = dummy.predict_proba(X[test_idx])[:, 1]
    vid_y, vid_s = video_level(test_df, scores)

    metrics = {
        "frame_roc_auc": roc_auc_score(y[test_idx], scores),
        "frame_avg_precision": average_precision_score(y[test_idx], scores),
        "dummy_frame_avg_precision": average_precision_score(y[test_idx], base),
        "recording_roc_auc": roc_auc_score(vid_y, vid_s),
        "recording_avg_precision": average_precision_score(vid_y, vid_s),
        "best_params": search.best_params_,
    }
    print(json.dumps(metrics, indent=2, default=float))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "metrics.json").write_text(json.dumps(metrics, indent=2, default=float))


if __name__ == "__main__":
    main()
