"""Quark vs gluon jet discrimination with a LightGBM BDT on jet substructure observables.

Input: flat ntuple from the Pythia8 Z+jet / dijet samples (one row per leading jet),
columns listed in observables.txt.
"""
import argparse
from functools import partial

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, VarianceThreshold, mutual_info_classif
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

parser = argparse.ArgumentParser()
parser.add_argument("--ntuple", default="data/qg_pythia8_ak4_pt500.parquet")
parser.add_argument("--k", type=int, default=25)
parser.add_argument("--seed", type=int, default=123)
args = parser.parse_args()

df = pd.read_parquet(args.ntuple)
observables = [l.strip() for l in open("observables.txt") if l.strip() and not l.startswith("#")]
df = df[(df["jet_pt"] > 500) & (df["jet_pt"] < 550) & (df["jet_abseta"] < 2.0)]
df = df.dropna(subset=observables)

X = df[observables].to_numpy(np.float32)
y = (df["parton_flavour"] == 21).astype(int).to_numpy()   # 1 = gluon
print(f"{len(y)} jets, gluon fraction {y.mean():.3f}, {len(observables)} observables")

# drop constant columns and keep the k most informative observables
selector = make_pipeline(
    VarianceThreshold(1e-8),
    SelectKBest(partial(mutual_info_classif, random_state=args.seed), k=args.k),
)
X_sel = selector.fit_transform(X, y)
kept_mask = selector[0].get_support().copy()
kept_mask[kept_mask] = selector[1].get_support()
kept = [o for o, keep in zip(observables, kept_mask) if keep]
print("selected:", kept)

X_train, X_test, y_train, y_test = train_test_split(
    X_sel, y, test_size=0.3, stratify=y, random_state=args.seed
)
X_tr, X_val, y_tr, y_val = train_test_split(
    X_train, y_train, test_size=0.2, stratify=y_train, random_state=args.seed
)

bdt = lgb.LGBMClassifier(
    n_estimators=2000,
    learning_rate=0.05,
    num_leaves=63,
    min_child_samples=100,
    colsample_bytree=0.9,
    random_state=args.seed,
    verbose=-1,
)
bdt.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], callbacks=[lgb.early_stopping(50)])

s = bdt.predict_proba(X_test)[:, 1]
fpr, tpr, _ = roc_curve(y_test, s)
# score is P(gluon): quark mistag rate at 50% gluon efficiency
eps_q = fpr[np.searchsorted(tpr, 0.5)]
print(f"test AUC {roc_auc_score(y_test, s):.4f}   eps_q @ eps_g=0.5: {eps_q:.3f}")
