"""Organoid counting per well image: frozen CNN embeddings + gradient boosted regressor.

Each row of wells.csv is one brightfield well image with a manually counted number of organoids.
Wells from the same plate share imaging conditions, so plates are kept together when splitting.
"""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import timm
import torch
from PIL import Image
from sklearn.decomposition import PCA
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

SEED = 42
np.random.seed(SEED)
torch.manual_seed(SEED)


@torch.no_grad()
def embed_images(paths, batch_size=32, device="cuda"):
    model = timm.create_model("convnext_small.fb_in22k", pretrained=True, num_classes=0).to(device).eval()
    cfg = timm.data.resolve_data_config({}, model=model)
    transform = timm.data.create_transform(**cfg)
    feats = []
    for start in range(0, len(paths), batch_size):
        batch = torch.stack([transform(Image.open(p).convert("RGB")) for p in paths[start:start + batch_size]])
        feats.append(model(batch.to(device)).cpu().numpy())
    return np.concatenate(feats)


def main():
    wells = pd.read_csv("data/organoids/wells.csv")
    print(wells.describe()[["count"]].T)

    emb = embed_images(wells.image_path.tolist())
    pca = PCA(n_components=64, whiten=True, random_state=SEED)
    X = pca.fit_transform(emb)
    print(f"PCA keeps {pca.explained_variance_ratio_.sum():.1%} of the embedding variance")
    y = wells["count"].to_numpy(dtype=np.float32)

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    trval_idx, test_idx = next(gss.split(X, y, groups=wells.plate_id))
    gss_val = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    tr, va = next(gss_val.split(X[trval_idx], y[trval_idx], groups=wells.plate_id.iloc[trval_idx]))
    train_idx, val_idx = trval_idx[tr], trval_idx[va]

    model = lgb.LGBMRegressor(
        objective="poisson",
        n_estimators=3000,
        learning_rate=0.02,
        num_leaves=31,
        min_child_samples=10,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=SEED,
    )
    model.fit(X[train_idx], y[train_idx], eval_set=[(X[val_idx], y[val_idx])], eval_metric="l1",
              callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)])

    pred = model.predict(X[test_idx])
    baseline = np.full(len(test_idx), np.median(y[train_idx]))
    report = {
        "model": {"mae": mean_absolute_error(y[test_idx], pred),
                  "rmse": mean_squared_error(y[test_idx], pred) ** 0.5,
                  "r2": r2_score(y[test_idx], pred)},
        "median_baseline": {"mae": mean_absolute_error(y[test_idx], baseline),
                            "rmse": mean_squared_error(y[test_idx], baseline) ** 0.5},
        "best_iteration": model.best_iteration_,
    }
    print(json.dumps(report, indent=2))
    model.booster_.save_model("organoid_count_lgbm.txt")


if __name__ == "__main__":
    main()
