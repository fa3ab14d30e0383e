import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

from features import add_patient_context, add_site_risk, clean_metadata, site_dummies


def load(cfg):
    df = pd.read_csv(cfg["data"]["train_csv"])
    emb = pd.read_parquet(cfg["data"]["embeddings"])  # index: image_name
    emb.columns = [f"emb_{i}" for i in range(emb.shape[1])]
    return df.merge(emb, left_on="image_name", right_index=True, how="inner")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    np.random.seed(cfg["seed"])

    df = load(cfg)
    df = clean_metadata(df)
    df = add_patient_context(df)
    df = add_site_risk(df, smoothing=cfg["site_smoothing"])
    df = site_dummies(df)

    sgkf = StratifiedGroupKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    df["fold"] = -1
    for k, (_, idx) in enumerate(sgkf.split(df, df["target"], groups=df["patient_id"])):
        df.loc[df.index[idx], "fold"] = k

    drop = ["image_name", "patient_id", "anatom_site_general_challenge", "diagnosis",
            "benign_malignant", "target", "fold"]
    feats = [c for c in df.columns if c not in drop]

    tr = df[~df["fold"].isin([cfg["test_fold"], cfg["valid_fold"]])]
    va = df[df["fold"] == cfg["valid_fold"]]
    te = df[df["fold"] == cfg["test_fold"]]
    print(f"train {len(tr)} ({tr.target.sum()} mel) | valid {len(va)} | test {len(te)}")

    params = dict(cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    pos_w = (tr["target"] == 0).sum() / max(tr["target"].sum(), 1)
    model = lgb.LGBMClassifier(**params, scale_pos_weight=np.sqrt(pos_w))
    model.fit(
        tr[feats], tr["target"],
        eval_set=[(va[feats], va["target"])], eval_metric="auc",
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(200)],
    )

    va_auc = roc_auc_score(va["target"], model.predict_proba(va[feats])[:, 1])
    te_auc = roc_auc_score(te["target"], model.predict_proba(te[feats])[:, 1])
    print(f"best_iter={model.best_iteration_} valid AUC={va_auc:.4f} test AUC={te_auc:.4f}")

    imp = pd.Series(model.feature_importances_, index=feats).sort_values(ascending=False)
    print(imp.head(15))
    model.booster_.save_model("lgbm_isic2020.txt")


if __name__ == "__main__":
    main()
