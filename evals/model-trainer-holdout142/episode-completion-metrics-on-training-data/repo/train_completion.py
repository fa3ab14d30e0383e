"""Episode-level expected completion rate, used to rank new episodes in the "Up next" shelf.

Target: mean fraction of the episode listened across listens (0..1).
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from xgboost import XGBRegressor

CFG = json.loads(Path("settings.json").read_text())


def load_episode_table(cfg):
    listens = pd.read_parquet(cfg["listens_path"])  # user_id, episode_id, seconds_played, started_at
    episodes = pd.read_parquet(cfg["episodes_path"])
    listens = listens.merge(episodes[["episode_id", "duration_sec"]], on="episode_id")
    listens["completion"] = (listens["seconds_played"] / listens["duration_sec"]).clip(0, 1)

    target = listens.groupby("episode_id").agg(
        completion_rate=("completion", "mean"), n_listens=("user_id", "size")
    )
    target = target[target["n_listens"] >= cfg["min_listens_per_episode"]]
    ep = episodes.merge(target.reset_index(), on="episode_id", how="inner")

    ep["duration_min"] = ep["duration_sec"] / 60
    ep["log_duration"] = np.log1p(ep["duration_min"])
    ep["publish_hour"] = pd.to_datetime(ep["published_at"]).dt.hour
    ep["publish_dow"] = pd.to_datetime(ep["published_at"]).dt.dayofweek
    ep["title_len"] = ep["title"].str.len()
    ep["has_chapters"] = ep["n_chapters"].fillna(0).gt(0).astype(int)
    ep["explicit"] = ep["explicit"].astype(int)
    ep["ad_load"] = ep["n_ad_breaks"] / ep["duration_min"].clip(lower=1)
    ep = pd.get_dummies(ep, columns=["category", "language"], dtype=int)
    return ep


def main():
    ep = load_episode_table(CFG)
    feature_cols = [
        c for c in ep.columns
        if c not in {"episode_id", "show_id", "title", "published_at", "completion_rate", "n_listens", "duration_sec"}
    ]
    X, y = ep[feature_cols], ep["completion_rate"]
    print(f"{len(ep)} episodes, {len(feature_cols)} features, mean completion {y.mean():.3f}")

    # small table; we ship the model trained on every episode we have
    model = XGBRegressor(**CFG["xgb"], objective="reg:squarederror", random_state=CFG["seed"])
    model.fit(X, y, sample_weight=np.sqrt(ep["n_listens"]))

    pred = model.predict(X).clip(0, 1)
    metrics = {
        "rmse": float(np.sqrt(mean_squared_error(y, pred))),
        "mae": float(mean_absolute_error(y, pred)),
        "r2": float(r2_score(y, pred)),
        "n_episodes": int(len(ep)),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(CFG["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "model.json")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    (out / "features.json").write_text(json.dumps(feature_cols))


if __name__ == "__main__":
    main()
