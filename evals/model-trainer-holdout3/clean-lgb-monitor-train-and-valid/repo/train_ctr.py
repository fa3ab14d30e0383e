from dataclasses import dataclass, field

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split


@dataclass
class Config:
    data: str = "data/impressions_week32.parquet"
    seed: int = 2024
    rounds: int = 5000
    features: list = field(default_factory=lambda: ["ad_position", "hour", "device_type", "campaign_ctr_7d",
                                                    "user_ctr_30d", "query_len"])
    params: dict = field(default_factory=lambda: {"objective": "binary", "metric": ["auc", "binary_logloss"],
                                                  "learning_rate": 0.05, "num_leaves": 127,
                                                  "feature_fraction": 0.8, "bagging_fraction": 0.8,
                                                  "bagging_freq": 1})


def main(cfg: Config = Config()):
    df = pd.read_parquet(cfg.data)
    X, y = df[cfg.features], df["clicked"]
    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.15, stratify=y, random_state=cfg.seed)
    X_tr, X_va, y_tr, y_va = train_test_split(X_tmp, y_tmp, test_size=0.15, stratify=y_tmp, random_state=cfg.seed)

    dtrain = lgb.Dataset(X_tr, label=y_tr, categorical_feature=["device_type"])
    dvalid = lgb.Dataset(X_va, label=y_va, reference=dtrain)
    booster = lgb.train({**cfg.params, "seed": cfg.seed}, dtrain, num_boost_round=cfg.rounds,
                        valid_sets=[dtrain, dvalid], valid_names=["train", "valid"],
                        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(100)])

    p = booster.predict(X_test, num_iteration=booster.best_iteration)
    prior = np.full(len(y_test), y_tr.mean())
    print(f"test AUC {roc_auc_score(y_test, p):.4f}")
    print(f"test log loss {log_loss(y_test, p):.4f} vs prior-CTR baseline {log_loss(y_test, prior):.4f}")
    booster.save_model("ctr_v2.txt", num_iteration=booster.best_iteration)


if __name__ == "__main__":
    main()
