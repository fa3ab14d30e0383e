"""Amazon Employee Access: LightGBM on nested out-of-fold target encodings."""
import argparse
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import OneHotEncoder

from amazon.encoders import OOFTargetEncoder


def add_counts(reference, frames, cols):
    """Category frequencies measured on `reference`, mapped onto every frame."""
    for c in cols:
        freq = reference[c].value_counts(normalize=True)
        for df in frames:
            df[f"{c}_cnt"] = df[c].map(freq).fillna(0.0).astype(float)
    return frames


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    cols, target, seed = cfg["cat_cols"], cfg["target"], cfg["seed"]

    train = pd.read_csv(Path(cfg["data_dir"]) / "train.csv")
    test = pd.read_csv(Path(cfg["data_dir"]) / "test.csv")
    y = train[target]
    print(f"train {train.shape}, ACTION=1 share {y.mean():.3f}")

    outer = StratifiedKFold(n_splits=cfg["outer_folds"], shuffle=True, random_state=seed)
    oof = {"prior": np.zeros(len(train)), "ohe_logreg": np.zeros(len(train)), "lgb_te": np.zeros(len(train))}
    test_pred = np.zeros(len(test))

    for fold, (tr, va) in enumerate(outer.split(train, y)):
        df_tr, df_va = train.iloc[tr].copy(), train.iloc[va].copy()
        y_tr, y_va = y.iloc[tr], y.iloc[va]

        oof["prior"][va] = DummyClassifier(strategy="prior").fit(df_tr[cols], y_tr).predict_proba(df_va[cols])[:, 1]
        ohe = OneHotEncoder(handle_unknown="ignore")
        logreg = LogisticRegression(C=0.5, max_iter=3000)
        logreg.fit(ohe.fit_transform(df_tr[cols]), y_tr)
        oof["ohe_logreg"][va] = logreg.predict_proba(ohe.transform(df_va[cols]))[:, 1]

        enc = OOFTargetEncoder(cols, n_splits=cfg["inner_folds"], smoothing=cfg["smoothing"], seed=seed)
        te_tr = enc.fit_transform(df_tr[cols], y_tr)
        te_va = enc.transform(df_va[cols])
        te_test = enc.transform(test[cols])

        df_tr, df_va, df_test = add_counts(df_tr, [df_tr, df_va, test.copy()], cols)
        cnt_cols = [f"{c}_cnt" for c in cols]
        X_tr = pd.concat([te_tr, df_tr[cnt_cols]], axis=1)
        X_va = pd.concat([te_va, df_va[cnt_cols]], axis=1)
        X_test = pd.concat([te_test, df_test[cnt_cols]], axis=1)

        model = lgb.LGBMClassifier(**cfg["lgb"], random_state=seed).fit(X_tr, y_tr)
        oof["lgb_te"][va] = model.predict_proba(X_va)[:, 1]
        test_pred += model.predict_proba(X_test)[:, 1] / cfg["outer_folds"]
        print(f"fold {fold}: lgb_te auc {roc_auc_score(y_va, oof['lgb_te'][va]):.5f}")

    for name, pred in oof.items():
        print(f"{name:11s} AUC {roc_auc_score(y, pred):.5f}  logloss {log_loss(y, pred):.5f}")

    pd.DataFrame({"Id": test["id"], "Action": test_pred}).to_csv("submission.csv", index=False)


if __name__ == "__main__":
    main()
