"""Shot-type classifier for the football broadcast indexer.

Shots come from the PySceneDetect boundaries of each match broadcast; per-shot descriptors are
produced by indexer/describe_shots.py (player box sizes from the detector, pitch-colour ratio,
camera motion from optical flow, on-screen graphics flags). Labels from the annotation team:
wide / medium / close_up / crowd / replay_graphic.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import classification_report, confusion_matrix, f1_score

SEED = 42
DATA_DIR = Path("data/shots")
CAT_FEATURES = ["competition", "broadcaster", "half"]


def load_shots():
    frames = [pd.read_csv(p) for p in sorted(DATA_DIR.glob("match_*.csv"))]
    shots = pd.concat(frames, ignore_index=True)
    shots = shots[shots["duration_s"] >= 0.4]
    shots["log_duration"] = np.log1p(shots["duration_s"])
    shots["box_area_ratio"] = shots["max_player_box_area"] / (shots["median_player_box_area"] + 1e-6)
    return shots


def main():
    shots = load_shots()
    print(shots.shot_type.value_counts())
    feature_cols = [
        "log_duration", "n_players_mean", "n_players_max", "median_player_box_area", "box_area_ratio",
        "pitch_green_ratio", "flow_mag_mean", "flow_mag_std", "pan_speed", "zoom_rate",
        "face_area_max", "graphics_overlay", "scoreboard_visible", *CAT_FEATURES,
    ]
    X, y = shots[feature_cols], shots["shot_type"]

    model = CatBoostClassifier(
        iterations=1500, learning_rate=0.05, depth=6, loss_function="MultiClass",
        auto_class_weights="Balanced", random_seed=SEED, verbose=200,
    )
    model.fit(Pool(X, y, cat_features=CAT_FEATURES))

    pred = model.predict(X).ravel()
    print(classification_report(y, pred, digits=3))
    labels = sorted(y.unique())
    print(pd.DataFrame(confusion_matrix(y, pred, labels=labels), index=labels, columns=labels))
    metrics = {"macro_f1": f1_score(y, pred, average="macro"), "n_shots": int(len(shots)),
               "n_matches": int(shots.match_id.nunique())}

    importances = model.get_feature_importance(prettified=True)
    print(importances.head(10))

    out = Path("models")
    out.mkdir(exist_ok=True)
    model.save_model(str(out / "shot_type_catboost.cbm"))
    (out / "shot_type_metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
