import json
import sys
import time

import numpy as np
import xgboost as xgb
from sklearn.metrics import roc_auc_score, roc_curve

from features import labeled_only, read_split


def load_cfg(path="config.json"):
    with open(path) as f:
        return json.load(f)


def main(cfg_path):
    cfg = load_cfg(cfg_path)
    np.random.seed(cfg["seed"])

    X_train, y_train = labeled_only(*read_split(cfg["data_dir"], "train", cfg["feature_version"]))
    X_test, y_test = labeled_only(*read_split(cfg["data_dir"], "test", cfg["feature_version"]))
    print(f"train {X_train.shape}  test {X_test.shape}  malicious(train)={y_train.mean():.3f}")

    params = dict(cfg["xgb"])
    model = xgb.XGBClassifier(**params, random_state=cfg["seed"], n_jobs=-1)

    t0 = time.time()
    model.fit(
        X_train, y_train,
        eval_set=[(X_test, y_test)],
        verbose=200,
    )
    print(f"trained in {(time.time() - t0) / 60:.1f} min, best_iteration={model.best_iteration}")

    scores = model.predict_proba(X_test)[:, 1]
    auc = roc_auc_score(y_test, scores)
    fpr, tpr, _ = roc_curve(y_test, scores)
    print(f"test ROC AUC: {auc:.5f}")
    for target_fpr in (0.001, 0.01):
        print(f"  TPR @ {target_fpr:.1%} FPR: {np.interp(target_fpr, fpr, tpr):.4f}")

    model.save_model(cfg["model_path"])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.json")
