"""Predict next-minute change in log viewers from audio, visual and chat signals of a livestream."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import tomli
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold

from engagement.features import add_history, add_target, feature_columns, merge_chat

with open("config.toml", "rb") as f:
    cfg = tomli.load(f)

segments = pd.read_parquet(cfg["data"]["segments"])
segments["minute_ts"] = pd.to_datetime(segments["minute_ts"], utc=True)
chat = pd.read_parquet(cfg["data"]["chat_embeddings"])
chat["minute_ts"] = pd.to_datetime(chat["minute_ts"], utc=True)

df = add_target(segments)
df = add_history(df, cfg["features"]["lags"], cfg["features"]["rolling_windows"])
df = merge_chat(df, chat, cfg["features"]["chat_pca_dims"]).reset_index(drop=True)
features = feature_columns(df)
print(f"{len(df):,} channel-minutes, {df['channel_id'].nunique()} channels, {len(features)} features")

X, y = df[features], df["target"].values
kf = KFold(n_splits=cfg["cv"]["n_splits"], shuffle=cfg["cv"]["shuffle"], random_state=cfg["cv"]["seed"])

oof = np.zeros(len(df))
best_iters = []
for fold, (tr_idx, va_idx) in enumerate(kf.split(X)):
    model = lgb.LGBMRegressor(**cfg["lgbm"], random_state=cfg["cv"]["seed"], verbose=-1)
    model.fit(X.iloc[tr_idx], y[tr_idx], eval_set=[(X.iloc[va_idx], y[va_idx])],
              callbacks=[lgb.early_stopping(100, verbose=False)])
    oof[va_idx] = model.predict(X.iloc[va_idx])
    best_iters.append(model.best_iteration_)
    print(f"fold {fold}: MAE {mean_absolute_error(y[va_idx], oof[va_idx]):.4f} iters {model.best_iteration_}")

persistence = np.zeros(len(df))
mae, rmse = mean_absolute_error(y, oof), mean_squared_error(y, oof, squared=False)
base_mae, base_rmse = mean_absolute_error(y, persistence), mean_squared_error(y, persistence, squared=False)
print(f"no-change baseline: MAE {base_mae:.4f} RMSE {base_rmse:.4f}")
print(f"LightGBM OOF:       MAE {mae:.4f} RMSE {rmse:.4f}")

final = lgb.LGBMRegressor(**{**cfg["lgbm"], "n_estimators": int(np.mean(best_iters))},
                          random_state=cfg["cv"]["seed"], verbose=-1)
final.fit(X, y)
final.booster_.save_model("artifacts/engagement_lgbm.txt")
with open("artifacts/engagement_cv.json", "w") as f:
    json.dump({"oof_mae": mae, "oof_rmse": rmse, "baseline_mae": base_mae, "features": features}, f, indent=2)
