import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer


def load_objects(cfg):
    d = cfg["data"]
    cols = cfg["features"]["log"] + cfg["features"]["raw"] + [d["label_col"], d["group_col"]]
    df = pd.read_csv(d["path"], sep="\t", usecols=cols)
    df = df[~df[d["label_col"]].isin(["detritus", "artefact", "badfocus<artefact"])]
    vc = df[d["label_col"]].value_counts()
    return df[df[d["label_col"]].isin(vc[vc >= d["min_per_class"]].index)].reset_index(drop=True)


def build_pipeline(cfg):
    f = cfg["features"]
    prep = ColumnTransformer([
        ("log", FunctionTransformer(np.log1p, feature_names_out="one-to-one"), f["log"]),
        ("raw", "passthrough", f["raw"]),
    ])
    clf = HistGradientBoostingClassifier(random_state=cfg["random_state"], **cfg["model"])
    return Pipeline([("prep", prep), ("clf", clf)])
