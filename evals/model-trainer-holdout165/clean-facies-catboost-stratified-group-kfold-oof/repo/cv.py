import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.model_selection import StratifiedGroupKFold


def make_model(cfg):
    return CatBoostClassifier(**cfg["catboost"], random_seed=cfg["seed"], verbose=0,
                              thread_count=4)


def out_of_fold(df, cfg):
    d = cfg["data"]
    feats = d["numeric"] + d["categorical"]
    sgkf = StratifiedGroupKFold(n_splits=cfg["cv"]["n_splits"], shuffle=True,
                                random_state=cfg["seed"])
    oof = np.zeros(len(df), dtype=int)
    fold_ids = np.full(len(df), -1)
    for k, (tr, va) in enumerate(sgkf.split(df, df[d["target"]], groups=df[d["well_col"]])):
        model = make_model(cfg)
        model.fit(Pool(df.iloc[tr][feats], df.iloc[tr][d["target"]], cat_features=d["categorical"]))
        oof[va] = model.predict(Pool(df.iloc[va][feats], cat_features=d["categorical"])).ravel()
        fold_ids[va] = k
        wells = sorted(df.iloc[va][d["well_col"]].unique())
        print(f"fold {k}: validation wells {wells}")
    return pd.DataFrame({"well": df[d["well_col"]].values, "fold": fold_ids,
                         "y": df[d["target"]].values, "oof": oof}, index=df.index)
